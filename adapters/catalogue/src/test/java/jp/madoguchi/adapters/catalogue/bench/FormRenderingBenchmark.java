package jp.madoguchi.adapters.catalogue.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.madoguchi.adapters.documents.code2d.ZxingTwoDimensionalCodes;
import jp.madoguchi.adapters.catalogue.forms.ClasspathFormCatalogue;
import jp.madoguchi.adapters.documents.pdf.OpenPdfFilledFormRenderer;
import jp.madoguchi.adapters.documents.pdf.PdfFonts;
import jp.madoguchi.domain.form.FieldDefinition;
import jp.madoguchi.domain.form.FilledForm;
import jp.madoguchi.domain.form.FormDefinition;
import jp.madoguchi.domain.form.FormDefinitionText;

/**
 * Form printing (issue 5): the first form after start (fonts and form files loaded, one form rendered) in a fresh JVM,
 * then warm p50/p99 of a one-page form (住民票の写し等交付申請書) filled for a resident with an IVS name, and of every
 * shipped form. Run with {@code ./madoguchi bench forms [rounds]}.
 */
public final class FormRenderingBenchmark {

    private FormRenderingBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        long start = System.nanoTime();
        PdfFonts fonts = new PdfFonts(Path.of("/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf"),
                Path.of("/usr/share/fonts/truetype/ipamj/ipamjm.ttf"));
        double fontsMs = (System.nanoTime() - start) / 1e6;
        ClasspathFormCatalogue catalogue = new ClasspathFormCatalogue();
        OpenPdfFilledFormRenderer renderer = new OpenPdfFilledFormRenderer(fonts, new ZxingTwoDimensionalCodes(), catalogue);
        List<FormDefinition> forms = catalogue.shippedDefinitions().stream()
                .map(text -> FormDefinitionText.parse(text, catalogue.dictionary())).toList();
        FormDefinition certificate = forms.stream().filter(f -> f.id().equals("RESIDENT_CERTIFICATE_REQUEST")).findFirst().orElseThrow();
        long render = System.nanoTime();
        byte[] first = renderer.render(filled(certificate, catalogue)).content();
        double firstMs = (System.nanoTime() - start) / 1e6;
        System.out.printf("first form after start (fonts, dictionary, 17 form files, one render): %.0f ms, %d bytes"
                        + " (fonts %.0f ms, the render itself %.0f ms)%n",
                firstMs, first.length, fontsMs, (System.nanoTime() - render) / 1e6);

        // what the server does instead (FormPrintingWarmUp): a fresh renderer over the loaded fonts prints one other
        // form at start; the clerk's first form comes after it
        OpenPdfFilledFormRenderer server = new OpenPdfFilledFormRenderer(fonts, new ZxingTwoDimensionalCodes(), catalogue);
        FormDefinition other = forms.stream().filter(f -> f.id().equals("NHI_ENROLMENT_NOTIFICATION")).findFirst().orElseThrow();
        server.render(filled(other, catalogue));
        long clerk = System.nanoTime();
        server.render(filled(certificate, catalogue));
        System.out.printf("the clerk's first form after the server's warm-up print: %.0f ms%n", (System.nanoTime() - clerk) / 1e6);

        for (int i = 0; i < Math.min(500, rounds); i++) {
            renderer.render(filled(certificate, catalogue));
        }
        report("warm, 住民票の写し等交付申請書 (1 page)", time(rounds, () -> renderer.render(filled(certificate, catalogue))));
        List<FilledForm> all = forms.stream().map(f -> filled(f, catalogue)).toList();
        int[] next = {0};
        report("warm, each of the " + all.size() + " shipped forms in turn",
                time(rounds, () -> renderer.render(all.get(next[0]++ % all.size()))));
    }

    private static double[] time(int rounds, Runnable render) {
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            render.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static void report(String what, double[] ms) {
        System.out.printf("%s: %d renders, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, ms.length,
                ms[ms.length / 2], ms[(int) Math.ceil(ms.length * 0.99) - 1], ms[ms.length - 1]);
    }

    /** A form filled as for a resident: names with an IVS variant and a non-BMP character, a household of four. */
    private static FilledForm filled(FormDefinition form, ClasspathFormCatalogue catalogue) {
        Map<String, String> values = new HashMap<>();
        Map<String, List<Map<String, String>>> tables = new HashMap<>();
        for (String field : form.fields()) {
            FieldDefinition.Type type = catalogue.dictionary().find(field).map(FieldDefinition::type).orElseThrow();
            if (type == FieldDefinition.Type.MEMBERS) {
                List<Map<String, String>> rows = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    Map<String, String> row = new LinkedHashMap<>();
                    row.put("氏名", "\u845B\uDB40\uDD04城 𠮷" + "郎子太美".charAt(i));
                    row.put("フリガナ", "カツラギ");
                    row.put("生年月日", "昭和60年4月1日");
                    row.put("性別", "女");
                    row.put("続柄", "子");
                    rows.add(row);
                }
                tables.put(field, rows);
            } else {
                values.put(field, switch (type) {
                    case NAME -> "見本県みらい市本町一丁目1番1号 \u845B\uDB40\uDD04城 𠮷子";
                    case DATE -> "令和元年5月1日";
                    case NUMBER -> "2";
                    default -> field;
                });
            }
        }
        return new FilledForm(form, values, tables, "20261122-0007", "MADOGUCHI:R:999997:20261122-0007", null);
    }
}
