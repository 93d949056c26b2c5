package jp.madoguchi.kiosk.language;

import java.util.Set;

import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IPostProcessorDialect;
import org.thymeleaf.engine.AbstractTemplateHandler;
import org.thymeleaf.model.ICloseElementTag;
import org.thymeleaf.model.IOpenElementTag;
import org.thymeleaf.model.IText;
import org.thymeleaf.postprocessor.IPostProcessor;
import org.thymeleaf.postprocessor.PostProcessor;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Puts ふりがな over the words of a page rendered in やさしい日本語, after the template is filled, so every text —
 * fixed, a city's own, a procedure's name — gets it without markup in the message files. It acts only when the page
 * has a {@code furigana} variable ({@link Furigana}), and never inside elements whose text is no page text or takes
 * no markup: script, style, title, option, textarea and ruby itself.
 */
public class FuriganaDialect extends AbstractDialect implements IPostProcessorDialect {

    /** The page variable that turns ふりがな on. */
    public static final String VARIABLE = "furigana";

    public FuriganaDialect() {
        super("furigana");
    }

    @Override
    public int getDialectPostProcessorPrecedence() {
        return 1000;
    }

    @Override
    public Set<IPostProcessor> getPostProcessors() {
        return Set.of(new PostProcessor(TemplateMode.HTML, RubyHandler.class, 1000));
    }

    /** Rewrites text events; Thymeleaf makes one per template run. */
    public static class RubyHandler extends AbstractTemplateHandler {

        private static final Set<String> PLAIN = Set.of("script", "style", "title", "option", "textarea", "ruby");

        private Furigana furigana;
        private int plainDepth;

        @Override
        public void setContext(ITemplateContext context) {
            super.setContext(context);
            Object variable = context.getVariable(VARIABLE);
            this.furigana = variable instanceof Furigana f ? f : null;
        }

        @Override
        public void handleOpenElement(IOpenElementTag tag) {
            if (PLAIN.contains(tag.getElementCompleteName().toLowerCase())) {
                plainDepth++;
            }
            super.handleOpenElement(tag);
        }

        @Override
        public void handleCloseElement(ICloseElementTag tag) {
            if (PLAIN.contains(tag.getElementCompleteName().toLowerCase()) && plainDepth > 0) {
                plainDepth--;
            }
            super.handleCloseElement(tag);
        }

        @Override
        public void handleText(IText text) {
            if (furigana == null || plainDepth > 0) {
                super.handleText(text);
                return;
            }
            String original = text.getText();
            String ruby = furigana.ruby(original);
            super.handleText(ruby.equals(original) ? text : getContext().getModelFactory().createText(ruby));
        }
    }
}
