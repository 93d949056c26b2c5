package jp.madoguchi.application.port.out;

import java.util.List;

/** The linkage sources this installation polls, and any other a person names (a folder or an {@code s3://} URL). */
public interface LinkageSources {

    List<LinkageSource> configured();

    /** @throws IllegalArgumentException with a message for the person who typed {@code location} */
    LinkageSource at(String location);
}
