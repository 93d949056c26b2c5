package jp.madoguchi.demo.linkage;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;
import jp.madoguchi.demo.LinkageFileWriter;
import jp.madoguchi.demo.synthetic.BusinessStatus;
import jp.madoguchi.demo.synthetic.SyntheticHousehold;
import jp.madoguchi.domain.calendar.WarekiDate;
import jp.madoguchi.domain.resident.AddresseeNumber;
import jp.madoguchi.domain.resident.ForeignResidence;
import jp.madoguchi.domain.resident.Resident;
import jp.madoguchi.domain.resident.ResidentStatus;

/**
 * Writes FULL forward-linkage files in the project's default layouts (docs/architecture.md, forward linkage): 001o005 住民基本情報,
 * 001o013 カード・印鑑登録, 023o002 介護, 024o007 国保, 025o005 後期高齢, 026o001 国民年金, 027o003 児童手当.
 * CSV per RFC 4180, UTF-8 without BOM, a header row of item names, dates as {@code YYYYMMDD} with a 不詳日 in
 * the {@code _表記} column. Files appear under their final names only when complete.
 */
@Singleton
public class CsvLinkageFileWriter implements LinkageFileWriter {

    static final Map<String, List<String>> HEADERS = new LinkedHashMap<>();

    static {
        HEADERS.put("001o005", List.of("宛名番号", "世帯番号", "住民種別", "住民状態", "氏名", "氏名フリガナ", "旧氏", "旧氏フリガナ",
                "通称", "通称フリガナ", "氏名英字", "生年月日", "生年月日_表記", "性別", "続柄", "世帯主氏名", "郵便番号", "住所コード",
                "住所", "番地", "方書", "本籍", "筆頭者", "住民となった年月日", "住所を定めた年月日", "届出年月日", "異動事由",
                "異動年月日", "転出先住所", "転出予定年月日", "個人番号", "住民票コード", "国籍・地域", "在留資格", "在留期間満了日",
                "在留カード等番号", "法30条の45区分", "更新日時"));
        HEADERS.put("001o013", List.of("宛名番号", "個人番号カード交付", "カード有効期限", "署名用電子証明書有効期限",
                "利用者証明用電子証明書有効期限", "印鑑登録", "印鑑登録番号"));
        HEADERS.put("023o002", List.of("宛名番号", "被保険者番号", "資格取得年月日", "資格喪失年月日", "要介護状態区分"));
        HEADERS.put("024o007", List.of("宛名番号", "国保世帯番号", "記号番号", "資格取得年月日", "資格喪失年月日"));
        HEADERS.put("025o005", List.of("宛名番号", "被保険者番号", "資格取得年月日", "資格喪失年月日"));
        HEADERS.put("026o001", List.of("宛名番号", "基礎年金番号", "種別", "資格取得年月日", "資格喪失年月日"));
        HEADERS.put("027o003", List.of("受給者宛名番号", "対象児童宛名番号", "支給開始年月", "支給終了年月"));
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    @Override
    public Session open(Path folder, LocalDateTime asOf) {
        return new CsvSession(folder, asOf);
    }

    private static final class CsvSession implements Session {
        private final Map<String, Path> temporary = new LinkedHashMap<>();
        private final Map<String, Path> finals = new LinkedHashMap<>();
        private final Map<String, CsvWriter> writers = new LinkedHashMap<>();
        private final String updatedAt;
        private final LocalDate day;

        CsvSession(Path folder, LocalDateTime asOf) {
            this.updatedAt = asOf.toString();
            this.day = asOf.toLocalDate();
            try {
                Files.createDirectories(folder);
                for (Map.Entry<String, List<String>> layout : HEADERS.entrySet()) {
                    String name = layout.getKey() + "_" + asOf.format(STAMP) + "_FULL.csv";
                    Path tmp = folder.resolve("." + name + ".part");
                    temporary.put(layout.getKey(), tmp);
                    finals.put(layout.getKey(), folder.resolve(name));
                    CsvWriter writer = CsvWriter.builder().quoteStrategy(QuoteStrategies.ALWAYS).lineDelimiter(LineDelimiter.CRLF).build(new BufferedWriter(
                            new OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.UTF_8), 1 << 16));
                    writers.put(layout.getKey(), writer);
                    writer.writeRecord(layout.getValue());
                }
            } catch (IOException e) {
                close();
                throw new UncheckedIOException("連携ファイルを作成できません: " + folder, e);
            }
        }

        @Override
        public void write(List<SyntheticHousehold> households) {
            try {
                for (SyntheticHousehold household : households) {
                    List<Resident> members = household.household().members();
                    for (int i = 0; i < members.size(); i++) {
                        writeMember(members.get(i), household.statuses().get(i), household.household().number().value());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("連携ファイルに書き込めません", e);
            }
        }

        private void writeMember(Resident r, BusinessStatus s, String householdNumber) throws IOException {
            String number = r.addresseeNumber().value();
            WarekiDate born = r.birthDate();
            ForeignResidence f = r.foreignResidence();
            boolean movedOut = r.status() == ResidentStatus.MOVED_OUT;
            boolean died = r.status() == ResidentStatus.DECEASED;
            String since = date(s.residentSince());
            row("001o005", number, householdNumber, r.type().code(), r.status().code(), r.name().name(),
                    r.name().nameKana(), r.name().formerSurname(), r.name().formerSurnameKana(), r.name().alias(),
                    r.name().aliasKana(), r.name().alphabetName(),
                    born.toLocalDate().map(DAY::format).orElse(""), born.isExact() ? "" : born.format(),
                    r.sex().code(), r.relationship().label(), r.headOfHouseholdName(),
                    r.address().postalCode() == null ? "" : r.address().postalCode().value(),
                    r.address().code() == null ? "" : r.address().code().value(), r.address().town(), r.address().lot(),
                    r.address().apartment(), r.domicile(), r.domicileHead(), since, since, since,
                    movedOut ? "国内転出" : died ? "死亡" : since.equals(born.toLocalDate().map(DAY::format).orElse("-")) ? "出生" : "国内転入",
                    movedOut || died ? date(day.minusDays(30)) : since,
                    movedOut ? "東京都千代田区千代田1番" : "", movedOut ? date(day.minusDays(25)) : "",
                    r.individualNumberIfKnown().map(n -> n.reveal()).orElse(""), s.residentRecordCode(),
                    f == null ? "" : f.nationality(), f == null ? "" : f.residenceStatus(),
                    f == null ? "" : date(f.periodOfStayEnds()), f == null ? "" : f.residenceCardNumber(),
                    f == null ? "" : f.article30_45Category(), updatedAt);
            if (s.cardExpires() != null || s.sealRegistrationNumber() != null) {
                // electronic certificates run five years, the card ten: the certificates expire first
                LocalDate certificates = s.cardExpires() == null ? null
                        : s.cardExpires().minusYears(5).isAfter(day) ? s.cardExpires().minusYears(5) : s.cardExpires();
                row("001o013", number, s.cardExpires() == null ? "0" : "1", date(s.cardExpires()), date(certificates),
                        date(certificates), s.sealRegistrationNumber() == null ? "0" : "1", s.sealRegistrationNumber());
            }
            if (s.longTermCareInsuranceSince() != null) {
                row("023o002", number, "K" + number.substring(1), date(s.longTermCareInsuranceSince()), "", s.careLevel());
            }
            if (s.nationalHealthInsuranceSince() != null) {
                row("024o007", number, householdNumber, "国" + householdNumber.substring(householdNumber.length() - 6),
                        date(s.nationalHealthInsuranceSince()), "");
            }
            if (s.lateStageElderlyInsuranceSince() != null) {
                row("025o005", number, "L" + number.substring(2), date(s.lateStageElderlyInsuranceSince()), "");
            }
            if (s.pensionCategory() != null) {
                row("026o001", number, s.basicPensionNumber(), s.pensionCategory(), date(s.pensionSince()), "");
            }
            for (AddresseeNumber child : s.childAllowanceFor()) {
                row("027o003", number, child.value(), s.childAllowanceSince().format(DateTimeFormatter.ofPattern("yyyyMM")), "");
            }
        }

        private void row(String layout, String... values) throws IOException {
            writers.get(layout).writeRecord(values);
        }

        private static String date(LocalDate date) {
            return date == null ? "" : date.format(DAY);
        }

        @Override
        public List<Path> finish() {
            List<Path> done = new ArrayList<>();
            try {
                for (Map.Entry<String, CsvWriter> entry : writers.entrySet()) {
                    entry.getValue().close();
                    Path tmp = temporary.get(entry.getKey());
                    try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                        channel.force(true);
                    }
                    Files.move(tmp, finals.get(entry.getKey()), StandardCopyOption.ATOMIC_MOVE);
                    done.add(finals.get(entry.getKey()));
                }
                writers.clear();
            } catch (IOException e) {
                throw new UncheckedIOException("連携ファイルを確定できません", e);
            }
            return done;
        }

        @Override
        public void close() {
            for (CsvWriter writer : writers.values()) {
                try {
                    writer.close();
                } catch (IOException ignored) {
                    // abandoning: the partial file is deleted below
                }
            }
            for (Map.Entry<String, Path> entry : temporary.entrySet()) {
                if (writers.containsKey(entry.getKey())) {
                    try {
                        Files.deleteIfExists(entry.getValue());
                    } catch (IOException ignored) {
                        // a stray .part file is harmless: importers ignore hidden part files
                    }
                }
            }
            writers.clear();
        }
    }
}
