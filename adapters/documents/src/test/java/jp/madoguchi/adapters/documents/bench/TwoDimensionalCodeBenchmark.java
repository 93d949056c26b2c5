package jp.madoguchi.adapters.documents.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import jp.madoguchi.adapters.documents.code2d.LayoutMoveOutCertificateCodes;
import jp.madoguchi.adapters.documents.code2d.ZxingTwoDimensionalCodes;
import jp.madoguchi.adapters.documents.testing.DamagedCodeImages;
import jp.madoguchi.domain.calendar.EraTable;
import jp.madoguchi.domain.moving.MoveOutCertificate;
import jp.madoguchi.domain.resident.Sex;
import jp.madoguchi.domain.shared.LocalGovernmentCode;

/**
 * 二次元コードの読取ベンチマーク (issue 4): a 1920×1080 camera frame holding a 転出証明書 code is decoded again and
 * again (PNG bytes in, as from the terminal), and the fixed set of 50 damaged images is decoded once, printing the
 * rate. Usage: {@code TwoDimensionalCodeBenchmark [rounds]} (default 300).
 */
public final class TwoDimensionalCodeBenchmark {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        System.out.printf("machine: %d cores, %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
        String payload = new LayoutMoveOutCertificateCodes(null, EraTable.shipped()).write(new MoveOutCertificate("R8-000123",
                new LocalGovernmentCode("999989"), "葛西 花子", "カサイ ハナコ", LocalDate.of(1985, 4, 1), null, Sex.FEMALE, "妻",
                "葛西 太郎", "見本県となり市旭町二丁目3番4号 旭ハイツ201", "見本県みらい市本町一丁目1番2号", LocalDate.of(2026, 11, 30),
                "見本県となり市旭町二丁目3番地", "葛西 太郎", new MoveOutCertificate.BusinessStatuses("1", "0", "0", "3", "1")));
        ZxingTwoDimensionalCodes codes = new ZxingTwoDimensionalCodes();
        System.out.printf("payload: %d bytes (UTF-8)%n", payload.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);

        BufferedImage pixels = DamagedCodeImages.frame(payload, 11);
        byte[] frame = png(pixels);
        time("1920×1080 frame as captured (pixels in memory)", rounds, () -> codes.decode(pixels).orElseThrow(), payload);
        time("1920×1080 frame as PNG bytes (" + frame.length / 1024 + " KB, image decoding included)", rounds,
                () -> codes.decode(frame).orElseThrow(), payload);

        List<DamagedCodeImages.Damaged> damaged = DamagedCodeImages.set(payload, 50, 7);
        int read = 0;
        for (DamagedCodeImages.Damaged image : damaged) {
            if (codes.decode(image.image()).filter(payload::equals).isPresent()) {
                read++;
            } else {
                System.out.println("  not read: " + image.description());
            }
        }
        System.out.printf("damaged set (tilt ≤ 25°, blur, low contrast, glare): %d of %d read = %.0f %%%n", read, damaged.size(),
                100.0 * read / damaged.size());
    }

    private static void time(String what, int rounds, java.util.function.Supplier<String> decode, String expected) {
        for (int i = 0; i < 50; i++) {
            decode.get(); // warm-up
        }
        long[] took = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            if (!decode.get().equals(expected)) {
                throw new IllegalStateException("読み違えました");
            }
            took[i] = System.nanoTime() - start;
        }
        Arrays.sort(took);
        System.out.printf("%s, %d decodes: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n", what, rounds, took[rounds / 2] / 1e6,
                took[(int) (rounds * 0.95)] / 1e6, took[(int) (rounds * 0.99)] / 1e6);
    }

    private static byte[] png(BufferedImage image) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
