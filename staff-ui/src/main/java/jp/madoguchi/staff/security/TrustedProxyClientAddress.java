package jp.madoguchi.staff.security;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.DefaultHttpClientAddressResolver;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import jakarta.inject.Singleton;

/**
 * The address a request comes from, for the access history and the limits on anonymous writes. Micronaut's default
 * believes any {@code Forwarded} or {@code X-Forwarded-For} header, so any PC could write whatever address it likes
 * into the history; here the headers count only when the connection itself comes from a reverse proxy the city
 * listed ({@code madoguchi.security.trusted-proxies}, literal addresses), and then the client is the right-most
 * address in the chain that is not one of those proxies (the left part of the chain is whatever the client sent).
 */
@Singleton
@Replaces(DefaultHttpClientAddressResolver.class)
public class TrustedProxyClientAddress implements HttpClientAddressResolver {

    private final Set<InetAddress> proxies;

    public TrustedProxyClientAddress(@Property(name = "madoguchi.security.trusted-proxies", defaultValue = "") List<String> proxies) {
        this.proxies = proxies.stream().map(String::strip).filter(p -> !p.isEmpty())
                .map(TrustedProxyClientAddress::literal).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    @SuppressWarnings("rawtypes")   // Micronaut's interface takes the raw type
    public String resolve(HttpRequest request) {
        InetSocketAddress peer = request.getRemoteAddress();
        if (peer == null || peer.getAddress() == null) {
            return "";
        }
        String address = peer.getAddress().getHostAddress();
        if (!proxies.contains(peer.getAddress())) {
            return address;
        }
        List<String> chain = forwardedChain(request);
        for (int i = chain.size() - 1; i >= 0; i--) {
            String hop = chain.get(i);
            InetAddress parsed = parse(hop);
            if (parsed == null) {
                // not an address (an "unknown" or a made-up name): nothing further left can be believed either
                return hop.length() > 45 ? hop.substring(0, 45) : hop;
            }
            if (!proxies.contains(parsed)) {
                return parsed.getHostAddress();
            }
        }
        return address;
    }

    private static List<String> forwardedChain(HttpRequest<?> request) {
        List<String> chain = new ArrayList<>();
        // RFC 7239 first: Forwarded: for=192.0.2.60;proto=https, for="[2001:db8::1]"
        for (String header : request.getHeaders().getAll("Forwarded")) {
            for (String element : header.split(",")) {
                for (String pair : element.split(";")) {
                    String[] kv = pair.strip().split("=", 2);
                    if (kv.length == 2 && kv[0].strip().equalsIgnoreCase("for")) {
                        chain.add(kv[1].strip().replace("\"", "").replaceAll("^\\[(.*)\\](:\\d+)?$", "$1"));
                    }
                }
            }
        }
        if (chain.isEmpty()) {
            for (String header : request.getHeaders().getAll("X-Forwarded-For")) {
                for (String hop : header.split(",")) {
                    if (!hop.isBlank()) {
                        chain.add(hop.strip());
                    }
                }
            }
        }
        return chain;
    }

    /** An IP literal, or null: never a DNS look-up for a value a client wrote. */
    private static InetAddress parse(String hop) {
        String bare = hop.matches("\\d{1,3}(\\.\\d{1,3}){3}:\\d+") ? hop.substring(0, hop.lastIndexOf(':')) : hop;
        if (!bare.matches("[0-9.]+") && !bare.matches("[0-9a-fA-F:]+(%\\w+)?") || !bare.matches(".*[.:].*")) {
            return null;
        }
        try {
            return InetAddress.getByName(bare);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static InetAddress literal(String proxy) {
        InetAddress parsed = parse(proxy);
        if (parsed == null) {
            throw new IllegalArgumentException("madoguchi.security.trusted-proxies には IP アドレスを書いてください（名前は使えません）: " + proxy);
        }
        return parsed;
    }
}
