package jp.madoguchi.application.fakes

import jp.madoguchi.application.port.out.PasswordHashes

/**
 * A readable stand-in for Argon2 (adapters): "v2:" + the password reversed. A hash written as "v1:" still matches but
 * asks to be rehashed, as an older parameter set would.
 */
class PlainPasswordHashes implements PasswordHashes {

    @Override
    String hash(String password) {
        'v2:' + password.reverse()
    }

    @Override
    boolean matches(String password, String hash) {
        hash == 'v2:' + password.reverse() || hash == 'v1:' + password.reverse()
    }

    @Override
    boolean needsRehash(String hash) {
        !hash.startsWith('v2:')
    }
}
