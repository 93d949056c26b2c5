package jp.madoguchi.adapters.documents.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.LayoutProcessor;

/**
 * The fonts every form embeds (as subsets): IPAex明朝 for ordinary text, IPAmj明朝 for names and addresses,
 * whose 61,179 glyphs cover the MJ characters and their IVS variants, and IPAexゴシック where a form's designer
 * asks for it. Loading a font costs a quarter of a second, so they are loaded once. The guidance sheet in the
 * citizen's other languages also sets text in DejaVu Sans (Latin, Vietnamese), WenQuanYi Micro Hei (简体中文) and
 * Nanum Gothic (한국어), loaded the first time a sheet needs them; a character is set in the language's font, or
 * else in the first font that has it ({@link #runs}).
 */
public final class PdfFonts {

    /** Where Debian's fonts-ipaexfont-gothic puts IPAexゴシック. */
    public static final Path DEBIAN_GOTHIC = Path.of("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf");
    /** Debian's fonts-dejavu-core, fonts-wqy-microhei and fonts-nanum. */
    public static final Path DEBIAN_LATIN = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    public static final Path DEBIAN_CHINESE = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
    public static final Path DEBIAN_KOREAN = Path.of("/usr/share/fonts/truetype/nanum/NanumGothic.ttf");
    /** What a character no font has is printed as: 〓 (ゲタ), as Japanese print marks a missing glyph. */
    public static final String MISSING = "〓";

    /** A piece of text and the font that has every glyph of it. */
    public record Run(String text, BaseFont font) {
    }

    private final BaseFont text;
    private final BaseFont gothic;
    private final BaseFont names;
    private final Path nameFont;
    private volatile ScriptFonts scripts;

    public PdfFonts(Path textFont, Path nameFont) {
        this(textFont, nameFont, DEBIAN_GOTHIC);
    }

    public PdfFonts(Path textFont, Path nameFont, Path gothicFont) {
        synchronized (LayoutProcessor.class) {
            // Ordinary text is set directly, so its ToUnicode map stays exact (laid-out glyphs of IPAex map
            // back to CJK radicals, which breaks search and copy in PDF viewers).
            LayoutProcessor.disable();
            this.text = load(textFont, "本文用フォント（IPAex明朝）");
            this.gothic = load(gothicFont, "見出し用フォント（IPAexゴシック）");
            // Names go through the layout processor: without it OpenPDF 2.x drops IVS selectors and prints the
            // base glyph. ActualText keeps the registered code points for search and copy.
            LayoutProcessor.enable();
            LayoutProcessor.setWriteActualText();
            this.names = load(nameFont, "氏名用フォント（IPAmj明朝）");
            this.nameFont = nameFont;
        }
    }

    private static BaseFont load(Path path, String role) {
        return load(path, "", role);
    }

    /** @param index {@code ,0} for the first font of a TrueType collection (.ttc), else empty */
    private static BaseFont load(Path path, String index, String role) {
        if (!Files.isReadable(path)) {
            throw new IllegalStateException(role + "が見つかりません: " + path
                    + "。scripts/install-prerequisites.sh を実行するか、設定でフォントの場所を指定してください。");
        }
        try {
            // From bytes held in memory: a font read from its file is read again, four bytes per system call, for
            // the subset of every document (a quarter of a second or more a form with the 46 MB IPAmj明朝).
            return BaseFont.createFont(path + index, BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
                    BaseFont.NOT_CACHED, Files.readAllBytes(path), null);
        } catch (IOException e) {
            throw new UncheckedIOException(role + "を読み込めません: " + path, e);
        }
    }

    public BaseFont text() {
        return text;
    }

    public BaseFont gothic() {
        return gothic;
    }

    public BaseFont names() {
        return names;
    }

    /** The font a language's text is set in: IPAex明朝 for Japanese, the script's own font for the others. */
    public BaseFont forLanguage(String language) {
        return switch (language) {
            case "ja", "easy" -> text;
            case "zh" -> scripts().chinese;
            case "ko" -> scripts().korean;
            default -> scripts().latin;
        };
    }

    /**
     * The text cut into runs each set in one font: the preferred font where it has the glyph, else the first of
     * IPAex明朝, IPAmj明朝, DejaVu Sans, WenQuanYi Micro Hei and Nanum Gothic that has it; a variation selector
     * stays with its base. A character none has becomes {@link #MISSING}, so nothing vanishes unseen.
     */
    public List<Run> runs(String text, BaseFont preferred) {
        // the other scripts' fonts are loaded only when a character needs one
        List<BaseFont> order = new ArrayList<>(List.of(preferred, this.text, names));
        boolean withScripts = false;
        List<Run> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        BaseFont current = null;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int end = i + Character.charCount(cp);
            while (end < text.length() && isVariationSelector(text.codePointAt(end))) {
                end += Character.charCount(text.codePointAt(end));
            }
            String piece = text.substring(i, end);
            BaseFont font = Character.isWhitespace(cp) && current != null ? current : first(order, cp);
            if (font == null && !withScripts) {
                ScriptFonts s = scripts();
                order.addAll(List.of(s.latin, s.chinese, s.korean));
                withScripts = true;
                font = first(order, cp);
            }
            if (font == null) {
                piece = MISSING;
                font = this.text;
            }
            if (font != current && run.length() > 0) {
                runs.add(new Run(run.toString(), current));
                run.setLength(0);
            }
            current = font;
            run.append(piece);
            i = end;
        }
        if (run.length() > 0) {
            runs.add(new Run(run.toString(), current));
        }
        return runs;
    }

    /** The width of a text set as {@link #runs} sets it. */
    public float width(String text, BaseFont preferred, float size) {
        float width = 0;
        for (Run run : runs(text, preferred)) {
            width += run.font().getWidthPoint(run.text(), size);
        }
        return width;
    }

    private static BaseFont first(List<BaseFont> fonts, int cp) {
        for (BaseFont font : fonts) {
            if (font.charExists(cp)) {
                return font;
            }
        }
        return null;
    }

    private static boolean isVariationSelector(int cp) {
        return cp >= 0xFE00 && cp <= 0xFE0F || cp >= 0xE0100 && cp <= 0xE01EF;
    }

    private ScriptFonts scripts() {
        ScriptFonts loaded = scripts;
        if (loaded == null) {
            synchronized (this) {
                if (scripts == null) {
                    scripts = new ScriptFonts(names, nameFont);
                }
                loaded = scripts;
            }
        }
        return loaded;
    }

    /**
     * The fonts of the citizen's other languages, set directly as ordinary text is. Turning the layout processor
     * off forgets the fonts it lays out, so the names font is given back to it afterwards (else IVS names would
     * print their base glyphs).
     */
    private static final class ScriptFonts {
        final BaseFont latin;
        final BaseFont chinese;
        final BaseFont korean;

        ScriptFonts(BaseFont names, Path nameFont) {
            synchronized (LayoutProcessor.class) {
                LayoutProcessor.disable();
                try {
                    latin = load(DEBIAN_LATIN, "欧文・ベトナム語のフォント（DejaVu Sans）");
                    chinese = load(DEBIAN_CHINESE, ",0", "中国語のフォント（WenQuanYi Micro Hei）");
                    korean = load(DEBIAN_KOREAN, "韓国語のフォント（Nanum Gothic）");
                } finally {
                    LayoutProcessor.enable();
                    LayoutProcessor.setWriteActualText();
                    LayoutProcessor.loadFont(names, nameFont.toString());
                }
            }
        }
    }
}
