package jp.madoguchi.staff.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import jp.madoguchi.application.port.in.ReadTwoDimensionalCodeUseCase;
import jp.madoguchi.domain.shared.Rejection;
import jp.madoguchi.staff.security.Permissions;
import jp.madoguchi.staff.security.StaffPrincipal;

/**
 * カメラで読む: the reception list sends frames of the counter's camera here (about two a second) until one holds a
 * slip's QR or a pre-entry code; the answer tells the page where to go, or why not. A frame without a code is the
 * normal case while the citizen is still holding the paper up.
 */
@Controller("/staff/scan")
@Secured({Permissions.RECEPTION})
@Requires(property = "madoguchi.staff.enabled", notEquals = "false")
public class CodeScanController {

    private final ReadTwoDimensionalCodeUseCase codes;
    private final SlipCodes slips;

    public CodeScanController(ReadTwoDimensionalCodeUseCase codes, SlipCodes slips) {
        this.codes = codes;
        this.slips = slips;
    }

    @Post(consumes = {MediaType.IMAGE_PNG, MediaType.IMAGE_JPEG}, produces = MediaType.APPLICATION_JSON)
    public Map<String, Object> frame(Authentication authentication, @Body byte[] image) {
        Map<String, Object> answer = new LinkedHashMap<>();
        Optional<String> text;
        try {
            text = codes.read(image);
        } catch (Rejection e) {
            answer.put("message", e.getMessage());
            return answer;
        } catch (IllegalArgumentException notAnImage) {
            answer.put("message", "カメラの画像を読めませんでした。もう一度お試しください。");
            return answer;
        }
        if (text.isEmpty()) {
            answer.put("found", false);
            return answer;
        }
        SlipCodes.Opening opening = slips.open(StaffPrincipal.city(authentication), text.get(),
                StaffPrincipal.operator(authentication));
        answer.put("found", true);
        if (opening instanceof SlipCodes.Opening.Visit visit) {
            answer.put("location", visit.path());
        } else {
            answer.put("message", ((SlipCodes.Opening.Refused) opening).message());
        }
        return answer;
    }
}
