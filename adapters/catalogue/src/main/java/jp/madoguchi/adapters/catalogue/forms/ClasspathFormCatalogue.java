package jp.madoguchi.adapters.catalogue.forms;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Singleton;
import jp.madoguchi.application.port.out.FormCatalogue;
import jp.madoguchi.domain.form.FieldDefinition;
import jp.madoguchi.domain.form.FieldDictionary;

/**
 * The field dictionary ({@code fields.tsv}) and the shipped forms ({@code *.form}, listed in {@code index.txt}) read
 * once from the files next to this class.
 */
@Singleton
public class ClasspathFormCatalogue implements FormCatalogue {

    private final FieldDictionary dictionary;
    private final List<String> shipped;

    public ClasspathFormCatalogue() {
        List<FieldDefinition> fields = new ArrayList<>();
        int number = 0;
        for (String line : lines("fields.tsv")) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\t", -1);
            if (c.length < 4) {
                throw new IllegalStateException("fields.tsv " + number + "行目: 4項目以上（タブ区切り）が必要です");
            }
            fields.add(new FieldDefinition(c[0].strip(), FieldDefinition.Type.valueOf(c[1].strip()),
                    FieldDefinition.Source.valueOf(c[2].strip()), c[3].strip(), c.length > 4 ? c[4].strip() : null));
        }
        this.dictionary = new FieldDictionary(fields);
        List<String> forms = new ArrayList<>();
        for (String name : lines("index.txt")) {
            if (!name.isBlank()) {
                forms.add(String.join("\n", lines(name.strip())));
            }
        }
        this.shipped = List.copyOf(forms);
    }

    @Override
    public FieldDictionary dictionary() {
        return dictionary;
    }

    @Override
    public List<String> shippedDefinitions() {
        return shipped;
    }

    private static List<String> lines(String name) {
        InputStream in = ClasspathFormCatalogue.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("様式のファイル " + name + " が見つかりません");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
