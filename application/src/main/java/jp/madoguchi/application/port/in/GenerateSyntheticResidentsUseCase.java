package jp.madoguchi.application.port.in;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.IntConsumer;

import java.time.LocalDate;

import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Rejection;

/** 合成住民データの生成: writes synthetic residents as forward-linkage files. Nothing real is ever used. */
public interface GenerateSyntheticResidentsUseCase {

    /**
     * @param progress called with the number of residents written so far, now and then
     */
    GenerationReport generate(GenerateCommand command, IntConsumer progress);

    record GenerateCommand(Population settings, int residents, Path folder, LocalDateTime fileTimestamp) {
        public GenerateCommand {
            if (residents < 1 || residents > 10_000_000) {
                throw new Rejection("synthetic.count-range", "人数は1〜10,000,000で指定してください: " + residents);
            }
        }
    }

    /** The made-up city the residents live in; the same seed and as-of date give the same residents. */
    record Population(LocalGovernmentCode city, String prefectureName, String cityName, long seed, LocalDate asOf) {
        public Population {
            if (city == null || prefectureName == null || cityName == null || asOf == null) {
                throw new Rejection("synthetic.settings-missing", "市区町村と基準日を指定してください");
            }
        }
    }

    record GenerationReport(int residents, int households, List<Path> files, Duration took) {
    }
}
