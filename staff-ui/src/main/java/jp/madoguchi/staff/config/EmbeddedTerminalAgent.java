package jp.madoguchi.staff.config;

import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import jp.madoguchi.adapters.devices.terminal.TerminalAgent;
import jp.madoguchi.application.port.out.MyNumberCardReader;
import jp.madoguchi.application.port.in.ManageTerminalsUseCase;
import jp.madoguchi.application.port.out.TwoDimensionalCodes;
import jp.madoguchi.domain.shared.Operator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's terminal agent: on a single PC the server, the kiosk browser and the (simulated) reader sit together, so
 * the agent runs inside the server and pairs itself with a fresh key at every start. A real installation runs
 * {@code ./madoguchi terminal-agent} on each kiosk and counter PC instead. Its scanner folder is
 * {@code <data>/scanner}. Only in the demo; its pairing is the administrator's use case (recorded in the access
 * history), and a terminal an administrator has withdrawn stays withdrawn: the agent then does not start.
 */
@Singleton
@Requires(property = "madoguchi.terminal-agent.embedded", value = "true")
@Requires(property = "madoguchi.demo.enabled", value = "true")
public class EmbeddedTerminalAgent implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedTerminalAgent.class);

    private final MadoguchiSettings settings;
    private final ManageTerminalsUseCase terminals;
    private final MyNumberCardReader reader;
    private final TwoDimensionalCodes codes;
    private final Clock clock;
    private final String terminalId;
    private final int port;
    private final String extraOrigins;
    private TerminalAgent agent;

    public EmbeddedTerminalAgent(MadoguchiSettings settings, ManageTerminalsUseCase terminals, MyNumberCardReader reader,
                                 TwoDimensionalCodes codes, Clock clock,
                                 @Property(name = "madoguchi.kiosk.terminal-id", defaultValue = "KIOSK-01") String terminalId,
                                 @Property(name = "madoguchi.terminal-agent.port", defaultValue = "47110") int port,
                                 @Property(name = "madoguchi.terminal-agent.allowed-origins", defaultValue = "") String extraOrigins) {
        this.settings = settings;
        this.terminals = terminals;
        this.reader = reader;
        this.codes = codes;
        this.clock = clock;
        this.terminalId = terminalId;
        this.port = port;
        this.extraOrigins = extraOrigins;
    }

    @Override
    public synchronized void onApplicationEvent(ServerStartupEvent event) {
        if (agent != null) {
            return;
        }
        int serverPort = event.getSource().getPort();
        Set<String> origins = new LinkedHashSet<>(Set.of("http://localhost:" + serverPort, "http://127.0.0.1:" + serverPort));
        Arrays.stream(extraOrigins.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(origins::add);
        boolean withdrawn = terminals.terminals(settings.city()).stream()
                .anyMatch(t -> t.terminalId().equals(terminalId) && !t.active());
        if (withdrawn && terminals.activeTerminal(settings.city(), terminalId).isEmpty()) {
            LOG.warn("端末 {} は管理者が登録を取り消しているため、内蔵の端末エージェントを起動しません", terminalId);
            return;
        }
        String token = terminals.pair(settings.city(), terminalId, "デモ用記載台（サーバー内蔵の端末エージェント）",
                Operator.system("terminal-agent")).token();
        agent = TerminalAgent.start(new TerminalAgent.Settings(terminalId, token, origins, port,
                settings.dataDir().resolve("scanner")), reader, codes, clock);
        LOG.info("端末エージェント（内蔵・{}）: http://127.0.0.1:{}/v1/status", terminalId, agent.port());
    }

    @PreDestroy
    synchronized void stop() {
        if (agent != null) {
            agent.close();
            agent = null;
        }
    }
}
