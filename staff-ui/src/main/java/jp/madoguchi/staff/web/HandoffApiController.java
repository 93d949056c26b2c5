package jp.madoguchi.staff.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jp.madoguchi.application.port.in.PullHandoffUseCase;
import jp.madoguchi.application.port.in.PullHandoffUseCase.Batch;
import jp.madoguchi.application.port.out.HandoffOutbox.QueuedRecord;
import jp.madoguchi.application.port.in.ScreenMessage;

/**
 * 基幹連携の取得API for the core systems ({@code Authorization: Bearer mdh_…}, a credential per core system issued on
 * 基幹連携の出力): {@code GET /api/v1/handoff/records} lists the records after the client's cursor (or {@code after}) as
 * JSON, {@code GET /api/v1/handoff/records.csv?layout=…} the same as one CSV of one layout, and
 * {@code POST /api/v1/handoff/ack} with {@code through} moves the cursor. No cookie is read here; every call is in the
 * access history.
 */
@Controller("/api/v1/handoff")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = "madoguchi.staff.enabled", notEquals = "false")
public class HandoffApiController {

    private static final int DEFAULT_LIMIT = 100;

    private final PullHandoffUseCase pull;

    public HandoffApiController(PullHandoffUseCase pull) {
        this.pull = pull;
    }

    @Serdeable
    public record RecordsAnswer(String client, long next, List<RecordJson> records) {
    }

    @Serdeable
    public record RecordJson(long id, String reception, String layout, String key, Map<String, String> columns,
                             List<String> missing) {
    }

    @Serdeable
    public record AckAnswer(long acknowledgedThrough) {
    }

    @Serdeable
    public record Problem(String error) {
    }

    @Get(value = "/records", produces = MediaType.APPLICATION_JSON)
    public RecordsAnswer records(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
                                 @Nullable @QueryValue Long after, @Nullable @QueryValue String layout,
                                 @Nullable @QueryValue Integer limit) {
        Batch batch = pull.records(bearer(authorization), after, layout, limit == null ? DEFAULT_LIMIT : limit);
        return new RecordsAnswer(batch.client(), batch.next(), batch.records().stream().map(HandoffApiController::json).toList());
    }

    /** One layout's records as one CSV (header once), the same quoting as the folder's files; the cursor in a header. */
    @Get(value = "/records.csv")
    public HttpResponse<String> csv(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
                                    @Nullable @QueryValue Long after, @Nullable @QueryValue String layout,
                                    @Nullable @QueryValue Integer limit) {
        String token = bearer(authorization);
        pull.client(token);
        if (layout == null || layout.isBlank()) {
            return HttpResponse.<String>status(HttpStatus.BAD_REQUEST).contentType(MediaType.TEXT_PLAIN_TYPE)
                    .body("CSV では layout（例: CERTIFICATE_REQUEST）を指定してください");
        }
        Batch batch = pull.records(token, after, layout, limit == null ? DEFAULT_LIMIT : limit);
        java.io.StringWriter text = new java.io.StringWriter();
        try (CsvWriter csv = CsvWriter.builder().quoteStrategy(QuoteStrategies.ALWAYS).lineDelimiter(LineDelimiter.CRLF).build(text)) {
            if (!batch.records().isEmpty()) {
                List<String> header = new java.util.ArrayList<>(List.of("連携ID", "受付番号"));
                header.addAll(batch.records().get(0).record().columns().keySet());
                csv.writeRecord(jp.madoguchi.domain.shared.CsvCells.safe(header));
            }
            for (QueuedRecord r : batch.records()) {
                List<String> row = new java.util.ArrayList<>(List.of(String.valueOf(r.id()), r.reception().value()));
                row.addAll(r.record().columns().values());
                csv.writeRecord(jp.madoguchi.domain.shared.CsvCells.safe(row));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return HttpResponse.ok(text.toString()).contentType(new MediaType("text/csv; charset=UTF-8"))
                .header("X-Madoguchi-Next", String.valueOf(batch.next()));
    }

    @Post(value = "/ack", consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON},
            produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> acknowledge(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
                                       @Nullable Long through) {
        String token = bearer(authorization);
        pull.client(token);
        if (through == null) {
            return HttpResponse.badRequest(new Problem("through（受領した最後の記録の ID）を指定してください"));
        }
        return HttpResponse.ok(new AckAnswer(pull.acknowledge(token, through)));
    }

    @Error(exception = PullHandoffUseCase.Refused.class)
    public HttpResponse<Problem> refused(PullHandoffUseCase.Refused e) {
        return HttpResponse.<Problem>status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(new Problem(e.getMessage()));
    }

    @Error(exception = IllegalArgumentException.class)
    public HttpResponse<Problem> badRequest(IllegalArgumentException e) {
        return HttpResponse.<Problem>badRequest().body(new Problem(ScreenMessage.of(e)));
    }

    private static String bearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip() : null;
    }

    private static RecordJson json(QueuedRecord r) {
        return new RecordJson(r.id(), r.reception().value(), r.record().layout(), r.record().key(),
                new LinkedHashMap<>(r.record().columns()), r.record().missing());
    }
}
