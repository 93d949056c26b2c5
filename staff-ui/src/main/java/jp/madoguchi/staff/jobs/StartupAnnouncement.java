package jp.madoguchi.staff.jobs;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;

/** Prints where the kiosk and the staff workstation are, and the demo login, once the server is up. */
@Singleton
public class StartupAnnouncement implements ApplicationEventListener<ServerStartupEvent> {

    private final boolean demo;
    private final String demoPassword;
    private final String cardPin;

    public StartupAnnouncement(@Property(name = "madoguchi.demo.enabled", defaultValue = "false") boolean demo,
                               @Property(name = "madoguchi.demo.password", defaultValue = "madoguchi-demo") String demoPassword,
                               @Property(name = "madoguchi.card-simulator.pin", defaultValue = "1234") String cardPin) {
        this.demo = demo;
        this.demoPassword = demoPassword;
        this.cardPin = cardPin;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        String base = event.getSource().getURL().toString().replace("://0.0.0.0", "://localhost");
        StringBuilder text = new StringBuilder("\n  Madoguchi 書かない窓口 が起動しました\n");
        text.append("    記載台（キオスク）: ").append(base).append("/kiosk\n");
        text.append("    職員（窓口・統計）: ").append(base).append("/staff\n");
        if (demo) {
            text.append("    デモ用ログイン（パスワードはすべて ").append(demoPassword).append("）: clerk（窓口）、mynumber（個人番号利用事務）、")
                    .append("supervisor（統計）、admin・auditor（管理・監査、二要素認証あり。README 参照）\n");
            text.append("    デモ用マイナンバーカードの暗証番号: ").append(cardPin).append("（データはすべて合成です）\n");
        }
        System.out.println(text);
    }
}
