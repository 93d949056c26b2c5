package jp.madoguchi.staff.security;

import java.util.Map;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.in.AuthenticateStaffUseCase;

/**
 * Staff login against the accounts in the database. Password hashing is deliberately slow, so this runs on
 * the blocking executor, not the event loop.
 */
@Singleton
public class StaffAuthenticationProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    private final AuthenticateStaffUseCase authenticate;

    public StaffAuthenticationProvider(AuthenticateStaffUseCase authenticate) {
        this.authenticate = authenticate;
    }

    @Override
    public @NonNull AuthenticationResponse authenticate(@Nullable HttpRequest<B> request,
                                                        @NonNull AuthenticationRequest<String, String> credentials) {
        return authenticate.authenticate(credentials.getIdentity(), credentials.getSecret())
                .map(member -> AuthenticationResponse.success(member.username(), member.roles(), Map.of(
                        StaffPrincipal.CITY, member.city().value(),
                        StaffPrincipal.DISPLAY_NAME, member.displayName())))
                .orElseGet(() -> AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH));
    }
}
