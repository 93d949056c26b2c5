package jp.madoguchi.demo;

import java.time.format.DateTimeFormatter;

import jp.madoguchi.adapters.devices.cardreader.SimulatedCardTerminal;
import jp.madoguchi.adapters.devices.cardreader.VirtualMyNumberCard;
import jp.madoguchi.application.port.in.GenerateSyntheticResidentsUseCase.Population;
import jp.madoguchi.demo.synthetic.SyntheticPopulation;
import jp.madoguchi.domain.identity.CardFace;
import jp.madoguchi.domain.resident.Resident;
import jp.madoguchi.domain.resident.ResidentStatus;

/**
 * The demo's My Number Card: a virtual card on a simulated reader, belonging to the first household head of the demo
 * population with an exact birth date, so it always finds its holder in the demo registry. Used by the demo server
 * and by a terminal agent started with {@code --reader simulator}; never by a production reader.
 */
public final class DemoCard {

    /** The demo's population when nothing else is set (madoguchi.demo.seed and as-of in the server's settings). */
    public static final Population DEFAULT_POPULATION = new Population(SyntheticLinkageFiles.DEMO_CITY, "見本県", "みらい市",
            20261122L, SyntheticLinkageFiles.AS_OF);

    private DemoCard() {
    }

    public static SimulatedCardTerminal terminal(Population population, String pin) {
        Resident holder = new SyntheticPopulation(population).generate(200).stream()
                .flatMap(h -> h.household().members().stream())
                .filter(r -> r.isHeadOfHousehold() && !r.isForeign() && r.status() == ResidentStatus.RESIDENT
                        && r.birthDate().toLocalDate().isPresent() && r.individualNumber() != null)
                .findFirst()
                .orElseThrow();
        CardFace face = new CardFace(holder.name().name(), holder.address().fullText(),
                holder.birthDate().toLocalDate().orElseThrow().format(DateTimeFormatter.BASIC_ISO_DATE), holder.sex());
        return new SimulatedCardTerminal(VirtualMyNumberCard.of(face, holder.individualNumber(), pin));
    }
}
