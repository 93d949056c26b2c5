package jp.madoguchi.terminal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import jp.madoguchi.adapters.devices.cardreader.PcscCardTerminal;
import jp.madoguchi.adapters.devices.cardreader.IcCardReader;
import jp.madoguchi.adapters.documents.code2d.ZxingTwoDimensionalCodes;
import jp.madoguchi.adapters.devices.terminal.TerminalAgent;
import jp.madoguchi.application.port.out.CardReading;
import jp.madoguchi.application.port.out.MyNumberCardReader;
import jp.madoguchi.demo.DemoCard;

/**
 * {@code ./madoguchi terminal-agent}: the terminal-agent mode of the distribution, run on each kiosk and counter PC.
 * It needs no database and no server code beyond the reader: it lends the PC's card reader to the Madoguchi page.
 */
public final class TerminalAgentCommand {

    static final String HELP = """
            使い方: ./madoguchi terminal-agent --terminal 端末ID --server https://窓口サーバー [オプション]
              この PC のカード読み取り機を、この PC のブラウザで開いた Madoguchi の画面にだけ使わせます（127.0.0.1 で待ち受け）。
              --terminal ID        管理画面「端末の登録」で登録した端末ID（例: KIOSK-02）
              --server ORIGIN      Madoguchi サーバーのオリジン（ブラウザのアドレス欄の https://…:ポート まで）。カンマ区切りで複数可
              --token-file FILE    登録時に表示されたペアリングトークンを書いたファイル（既定: 環境変数 MADOGUCHI_TERMINAL_TOKEN）
              --port N             待ち受けるポート（既定 47110）
              --reader pcsc|simulator  pcsc: 接続されたカードリーダー（既定）、simulator: デモ用の仮想カード（暗証番号 1234）
              --reader-name NAME   複数のリーダーがあるときに使うリーダー名の一部
              --scan-folder DIR    スキャナー（書類カメラ）が画像を保存するフォルダ。読み取った画像は削除します
            終了コード: 2 指定の誤り、1 起動できない""";

    private TerminalAgentCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** @return the exit code; returns only when the agent could not start */
    static int run(String[] args) {
        String terminal = null;
        String tokenFile = null;
        String reader = "pcsc";
        String readerName = "";
        Path scanFolder = null;
        int port = TerminalAgent.DEFAULT_PORT;
        Set<String> origins = new LinkedHashSet<>();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--help", "-h" -> {
                        System.out.println(HELP);
                        return 0;
                    }
                    case "--terminal" -> terminal = value(args, ++i);
                    case "--server" -> Arrays.stream(value(args, ++i).split(",")).map(TerminalAgentCommand::origin).forEach(origins::add);
                    case "--token-file" -> tokenFile = value(args, ++i);
                    case "--port" -> port = Integer.parseInt(value(args, ++i));
                    case "--reader" -> reader = value(args, ++i);
                    case "--reader-name" -> readerName = value(args, ++i);
                    case "--scan-folder" -> scanFolder = Path.of(value(args, ++i));
                    default -> throw new IllegalArgumentException("不明な指定です: " + args[i]);
                }
            }
            if (terminal == null || origins.isEmpty()) {
                throw new IllegalArgumentException("--terminal と --server は必ず指定してください");
            }
            String token = tokenFile != null ? Files.readString(Path.of(tokenFile), StandardCharsets.US_ASCII).strip()
                    : System.getenv().getOrDefault("MADOGUCHI_TERMINAL_TOKEN", "");
            if (token.isBlank()) {
                throw new IllegalArgumentException("ペアリングトークンを --token-file か環境変数 MADOGUCHI_TERMINAL_TOKEN で渡してください");
            }
            MyNumberCardReader cardReader = switch (reader) {
                case "pcsc" -> new IcCardReader(new PcscCardTerminal(readerName));
                case "simulator" -> new IcCardReader(DemoCard.terminal(DemoCard.DEFAULT_POPULATION, "1234"));
                default -> throw new IllegalArgumentException("--reader は pcsc か simulator です: " + reader);
            };
            TerminalAgent agent = TerminalAgent.start(new TerminalAgent.Settings(terminal, token, origins, port, scanFolder),
                    cardReader, new ZxingTwoDimensionalCodes(), Clock.systemDefaultZone());
            CardReading status = cardReader.status();
            System.out.println("端末エージェント " + agent.terminalId() + " を起動しました: http://127.0.0.1:" + agent.port()
                    + "（接続を許すサーバー: " + String.join(", ", origins) + "）");
            if (status instanceof CardReading.Failed failed) {
                System.out.println("カード読み取り機: " + failed.message());
            }
            Runtime.getRuntime().addShutdownHook(new Thread(agent::close));
            new CountDownLatch(1).await();
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + HELP);
            return 2;
        } catch (IOException e) {
            System.err.println("ペアリングトークンのファイルを読めません: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            System.err.println("端末エージェントを起動できません: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " の後に値を書いてください");
        }
        return args[i];
    }

    /** The browser's Origin header has no path and no trailing slash. */
    private static String origin(String server) {
        String s = server.strip();
        int slash = s.indexOf('/', s.indexOf("//") + 2);
        String origin = slash < 0 ? s : s.substring(0, slash);
        if (!origin.matches("https?://[^/\\s]+")) {
            throw new IllegalArgumentException("--server は http(s)://ホスト[:ポート] の形で指定してください: " + server);
        }
        return origin;
    }
}
