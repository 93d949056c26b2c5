package jp.madoguchi.adapters.catalogue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;
import jp.madoguchi.application.port.out.ProcedureCatalogue;
import jp.madoguchi.domain.procedure.Department;
import jp.madoguchi.domain.procedure.LifeEvent;
import jp.madoguchi.domain.procedure.Procedure;

/** The procedure master read once from {@code procedures.tsv}; reference data, so it is held in memory. */
@Singleton
public class ClasspathProcedureCatalogue implements ProcedureCatalogue {

    private final List<Procedure> procedures;

    public ClasspathProcedureCatalogue() {
        this.procedures = load();
    }

    @Override
    public List<Procedure> all() {
        return procedures;
    }

    @Override
    public Optional<Procedure> find(String code) {
        return procedures.stream().filter(p -> p.code().equals(code)).findFirst();
    }

    private static List<Procedure> load() {
        InputStream in = ClasspathProcedureCatalogue.class.getResourceAsStream("procedures.tsv");
        if (in == null) {
            throw new IllegalStateException("手続マスタ procedures.tsv が見つかりません");
        }
        List<Procedure> result = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\t");
                if (c.length != 5) {
                    throw new IllegalStateException("手続マスタ " + number + "行目: 5項目（タブ区切り）が必要です");
                }
                result.add(new Procedure(c[0], c[1], new Department(c[2], c[3]), LifeEvent.valueOf(c[4])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(result);
    }
}
