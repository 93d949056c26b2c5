package jp.madoguchi.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import jp.madoguchi.application.port.in.GenerateSyntheticResidentsUseCase;
import jp.madoguchi.demo.LinkageFileWriter;
import jp.madoguchi.demo.synthetic.SyntheticHousehold;
import jp.madoguchi.demo.synthetic.SyntheticPopulation;

public final class GenerateSyntheticResidentsService implements GenerateSyntheticResidentsUseCase {

    private static final int BATCH = 2_000;

    private final LinkageFileWriter writer;

    public GenerateSyntheticResidentsService(LinkageFileWriter writer) {
        this.writer = writer;
    }

    @Override
    public GenerationReport generate(GenerateCommand command, IntConsumer progress) {
        long started = System.nanoTime();
        int[] counts = new int[2];
        List<SyntheticHousehold> batch = new ArrayList<>(BATCH);
        try (LinkageFileWriter.Session session = writer.open(command.folder(), command.fileTimestamp())) {
            new SyntheticPopulation(command.settings()).generate(command.residents(), household -> {
                batch.add(household);
                counts[0] += household.household().members().size();
                counts[1]++;
                if (batch.size() == BATCH) {
                    session.write(batch);
                    batch.clear();
                    progress.accept(counts[0]);
                }
            });
            session.write(batch);
            progress.accept(counts[0]);
            List<java.nio.file.Path> files = session.finish();
            return new GenerationReport(counts[0], counts[1], files, Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
