package jp.madoguchi.staff.operations;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import jakarta.inject.Singleton;

/**
 * Who may read the health and the metrics: a client in the operations network ({@code madoguchi.operations.networks},
 * CIDR, default this machine only) or one that sends the operations token ({@code MADOGUCHI_OPERATIONS_TOKEN}) as a
 * bearer credential. Anyone else is told nothing, not even that the pages exist.
 */
@Singleton
public class OperationsAccess {

    /** This machine: 127.0.0.0/8 and ::1 (a colon cannot stand in a setting's default). */
    static final String LOOPBACK = "loopback";

    private final List<Network> networks;
    private final byte[] token;
    private final HttpClientAddressResolver addresses;

    public OperationsAccess(@Property(name = "madoguchi.operations.networks", defaultValue = LOOPBACK) List<String> networks,
                            @Property(name = "madoguchi.operations.token", defaultValue = "") String token,
                            HttpClientAddressResolver addresses) {
        this.networks = networks.stream().map(String::strip).filter(n -> !n.isEmpty())
                .flatMap(n -> LOOPBACK.equals(n) ? java.util.stream.Stream.of("127.0.0.0/8", "::1/128") : java.util.stream.Stream.of(n))
                .map(Network::parse).toList();
        this.token = token.strip().getBytes(StandardCharsets.UTF_8);
        this.addresses = addresses;
    }

    public boolean allows(HttpRequest<?> request) {
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (token.length > 0 && authorization != null && authorization.startsWith("Bearer ")
                && MessageDigest.isEqual(token, authorization.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8))) {
            return true;
        }
        try {
            InetAddress client = InetAddress.getByName(addresses.resolve(request));
            return networks.stream().anyMatch(n -> n.contains(client));
        } catch (UnknownHostException | RuntimeException e) {
            return false;
        }
    }

    /** An address range written as CIDR ({@code 10.20.0.0/16}, {@code ::1/128}). */
    record Network(byte[] base, int prefix) {

        static Network parse(String cidr) {
            String[] parts = cidr.split("/");
            try {
                byte[] base = InetAddress.getByName(parts[0]).getAddress();
                int prefix = parts.length > 1 ? Integer.parseInt(parts[1]) : base.length * 8;
                if (prefix < 0 || prefix > base.length * 8) {
                    throw new IllegalArgumentException("運用ネットワークの接頭辞長が範囲外です: " + cidr);
                }
                return new Network(base, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("運用ネットワークは 10.20.0.0/16 の形で指定してください: " + cidr, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != base.length) {
                return false;
            }
            int bits = bytes.length * 8;
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                    .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
            return new BigInteger(1, bytes).and(mask).equals(new BigInteger(1, base).and(mask));
        }
    }
}
