package jp.madoguchi.staff.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import jp.madoguchi.application.port.in.Installation;
import jp.madoguchi.application.port.out.PasswordHashes;
import jp.madoguchi.application.port.out.StaffAccounts;

/**
 * Refuses a start that would expose the demo: a demo listening anywhere but this PC, or a real installation (demo off)
 * in which an account the demo made is still usable with its published password or second-factor secret. Checked
 * while the server is being built, before it accepts a single connection.
 */
@Context
@io.micronaut.context.annotation.Requires(notEnv = "cli")
public class ProductionSafety {

    /** The accounts the demo creates (see the demo module); a real installation has none of them usable. */
    static final Set<String> DEMO_ACCOUNTS = Set.of("clerk", "mynumber", "supervisor", "admin", "auditor");
    /** The password and second-factor secret the README publishes. */
    static final String PUBLISHED_PASSWORD = "madoguchi-demo";
    static final String PUBLISHED_SECOND_FACTOR = "MADOGUCHIDEMOTOTPSECRETKEY234567";

    public ProductionSafety(@Property(name = "madoguchi.demo.enabled", defaultValue = "false") boolean demo,
                            @Property(name = "madoguchi.production", defaultValue = "false") boolean production,
                            @Property(name = "micronaut.server.ssl.enabled", defaultValue = "false") boolean tls,
                            @Property(name = "madoguchi.security.trusted-proxies", defaultValue = "") List<String> proxies,
                            @Nullable @Property(name = "micronaut.server.host") String host,
                            @Property(name = "madoguchi.demo.password", defaultValue = PUBLISHED_PASSWORD) String demoPassword,
                            StaffAccounts accounts, PasswordHashes hashes, Installation installation) {
        if (production && !tls && proxies.stream().allMatch(String::isBlank)) {
            throw new IllegalStateException("本番は平文の HTTP だけでは起動しません。市の証明書で HTTPS にするか"
                    + "（micronaut.server.ssl.*）、TLS を終端するリバースプロキシのアドレスを madoguchi.security.trusted-proxies に"
                    + "書いてください（./madoguchi setup の --tls-keystore、--tls-cert、--proxy）。");
        }
        if (demo) {
            if (production || !DemoMode.isLoopback(host)) {
                throw new IllegalStateException("デモはこのPCの中（" + DemoMode.LOOPBACK + "）でだけ動かせます。待ち受けアドレスが "
                        + (host == null || host.isBlank() ? "すべてのアドレス" : host) + " になっています。"
                        + "ほかの端末から使う本番の設置は ./madoguchi setup で用意してください。");
            }
            return;
        }
        List<String> usable = new ArrayList<>();
        for (StaffAccounts.StaffAccount a : accounts.list(installation.city())) {
            boolean published = PUBLISHED_SECOND_FACTOR.equals(a.secondFactorSecret())
                    || DEMO_ACCOUNTS.contains(a.username()) && (hashes.matches(PUBLISHED_PASSWORD, a.passwordHash())
                    || hashes.matches(demoPassword, a.passwordHash()));
            if (a.enabled() && published) {
                usable.add(a.username());
            }
        }
        if (!usable.isEmpty()) {
            throw new IllegalStateException("デモのアカウント（" + String.join("、", usable.stream().sorted().toList())
                    + "）が公開されたパスワードか二要素認証の鍵のまま有効です。本番ではデモに使ったデータフォルダとデータベースを"
                    + "使わず、./madoguchi setup で新しく用意してください。");
        }
    }
}
