package jp.madoguchi.demo;

import java.time.format.DateTimeFormatter;
import java.util.List;

import jp.madoguchi.adapters.devices.cardreader.SimulatedCardTerminal;
import jp.madoguchi.adapters.devices.cardreader.VirtualMyNumberCard;
import jp.madoguchi.application.port.in.GenerateSyntheticResidentsUseCase.Population;
import jp.madoguchi.demo.synthetic.SyntheticPopulation;
import jp.madoguchi.domain.identity.CardFace;
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
        return new SimulatedCardTerminal(cards(population, pin, 1).get(0));
    }

    /**
     * Cards of the first {@code count} such holders, one each (a benchmark's kiosks each read another citizen's card).
     * They come from the population's first {@code max(200, 20 × count)} residents, so a demo registry of that
     * population holds them when it is that large (the demo's 400 always holds the first card's holder).
     */
    public static List<VirtualMyNumberCard> cards(Population population, String pin, int count) {
        List<VirtualMyNumberCard> cards = new SyntheticPopulation(population).generate(Math.max(200, 20 * count)).stream()
                .flatMap(h -> h.household().members().stream())
                .filter(r -> r.isHeadOfHousehold() && !r.isForeign() && r.status() == ResidentStatus.RESIDENT
                        && r.birthDate().toLocalDate().isPresent() && r.individualNumber() != null)
                .limit(count)
                .map(holder -> VirtualMyNumberCard.of(new CardFace(holder.name().name(), holder.address().fullText(),
                        holder.birthDate().toLocalDate().orElseThrow().format(DateTimeFormatter.BASIC_ISO_DATE),
                        holder.sex()), holder.individualNumber(), pin))
                .toList();
        if (cards.size() < count) {
            throw new IllegalArgumentException("デモの住民からカードを " + count + " 枚作れません（" + cards.size() + " 枚まで）");
        }
        return cards;
    }
}
