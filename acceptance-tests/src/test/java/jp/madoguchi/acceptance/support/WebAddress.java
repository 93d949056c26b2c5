package jp.madoguchi.acceptance.support;

/** Where the system answers: one server, or a load balancer in front of several. */
public interface WebAddress {

    /** The absolute URL of {@code path} (which starts with a slash). */
    String url(String path);
}
