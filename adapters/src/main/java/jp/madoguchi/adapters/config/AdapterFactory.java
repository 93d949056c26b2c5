package jp.madoguchi.adapters.config;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import jp.madoguchi.adapters.cardreader.SimulatedMyNumberCardReader;
import jp.madoguchi.adapters.export.RpaFolderCsvExport;
import jp.madoguchi.adapters.pdf.PdfFonts;
import jp.madoguchi.application.port.out.BackOfficeExport;
import jp.madoguchi.application.port.out.Municipalities;
import jp.madoguchi.application.synthetic.SyntheticPopulation;
import jp.madoguchi.domain.identity.CardFace;
import jp.madoguchi.domain.resident.Resident;
import jp.madoguchi.domain.resident.ResidentStatus;

/** Driven adapters that need settings to be built. */
@Factory
public class AdapterFactory {

    /** City hall time: Asia/Tokyo, whatever the server's zone. */
    @Singleton
    Clock clock(@Property(name = "madoguchi.zone", defaultValue = "Asia/Tokyo") String zone) {
        return Clock.system(ZoneId.of(zone));
    }

    @Singleton
    PdfFonts pdfFonts(@Property(name = "madoguchi.pdf.text-font", defaultValue = "/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf") String textFont,
                      @Property(name = "madoguchi.pdf.name-font", defaultValue = "/usr/share/fonts/truetype/ipamj/ipamjm.ttf") String nameFont) {
        return new PdfFonts(Path.of(textFont), Path.of(nameFont));
    }

    @Singleton
    BackOfficeExport backOfficeExport(MadoguchiSettings settings) {
        return new RpaFolderCsvExport(settings.exportFolder());
    }

    @Singleton
    Municipalities municipalities(MadoguchiSettings settings) {
        return city -> {
            if (!city.equals(settings.city())) {
                throw new IllegalArgumentException("地方公共団体コード " + city + " はこのシステムに登録されていません");
            }
            return settings.cityName();
        };
    }

    /**
     * The demo card: it belongs to the first household head of the demo population with an exact birth date,
     * so it always finds its holder in the demo registry. PIN {@code madoguchi.card-simulator.pin}.
     */
    @Singleton
    @Requires(property = "madoguchi.card-reader", value = "simulator", defaultValue = "simulator")
    SimulatedMyNumberCardReader simulatedCardReader(MadoguchiSettings settings,
                                                    @Property(name = "madoguchi.card-simulator.pin", defaultValue = "1234") String pin) {
        SyntheticPopulation.Settings population = settings.demoPopulation();
        Resident holder = new SyntheticPopulation(population).generate(200).stream()
                .flatMap(h -> h.household().members().stream())
                .filter(r -> r.isHeadOfHousehold() && !r.isForeign() && r.status() == ResidentStatus.RESIDENT
                        && r.birthDate().toLocalDate().isPresent())
                .findFirst()
                .orElseThrow();
        CardFace face = new CardFace(holder.name().name(), holder.address().fullText(),
                holder.birthDate().toLocalDate().orElseThrow().format(DateTimeFormatter.BASIC_ISO_DATE), holder.sex());
        return new SimulatedMyNumberCardReader(face, pin);
    }
}
