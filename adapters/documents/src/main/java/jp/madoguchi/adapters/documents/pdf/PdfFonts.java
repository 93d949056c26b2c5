package jp.madoguchi.adapters.documents.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.LayoutProcessor;

/**
 * The fonts every form embeds (as subsets): IPAex明朝 for ordinary text, IPAmj明朝 for names and addresses,
 * whose 61,179 glyphs cover the MJ characters and their IVS variants, and IPAexゴシック where a form's designer
 * asks for it. Loading a font costs a quarter of a second, so they are loaded once.
 */
public final class PdfFonts {

    /** Where Debian's fonts-ipaexfont-gothic puts IPAexゴシック. */
    public static final Path DEBIAN_GOTHIC = Path.of("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf");

    private final BaseFont text;
    private final BaseFont gothic;
    private final BaseFont names;

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
        }
    }

    private static BaseFont load(Path path, String role) {
        if (!Files.isReadable(path)) {
            throw new IllegalStateException(role + "が見つかりません: " + path
                    + "。scripts/install-prerequisites.sh を実行するか、設定でフォントの場所を指定してください。");
        }
        try {
            // From bytes held in memory: a font read from its file is read again, four bytes per system call, for
            // the subset of every document (a quarter of a second or more a form with the 46 MB IPAmj明朝).
            return BaseFont.createFont(path.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
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
}
