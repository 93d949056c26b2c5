package jp.madoguchi.application.fakes

import jp.madoguchi.application.port.out.HandoffClients
import jp.madoguchi.domain.shared.LocalGovernmentCode

import java.time.Instant

/** Pull clients in memory, as the store keeps them: ids in order, a cursor that never goes back. */
class InMemoryHandoffClients implements HandoffClients {

    final List<Client> clients = []

    @Override
    long add(LocalGovernmentCode city, String name, String tokenSha256, String by, Instant at) {
        long id = clients.size() + 1
        clients << new Client(id, city, name, tokenSha256, at, by, null, 0, null)
        id
    }

    @Override
    Optional<Client> findByToken(String tokenSha256) {
        Optional.ofNullable(clients.find { it.tokenSha256() == tokenSha256 })
    }

    @Override
    List<Client> all(LocalGovernmentCode city) {
        clients.findAll { it.city() == city }
    }

    @Override
    boolean revoke(LocalGovernmentCode city, long id, Instant at) {
        def c = clients.find { it.id() == id && it.city() == city && it.active() }
        if (c == null) {
            return false
        }
        replace(c, new Client(c.id(), c.city(), c.name(), c.tokenSha256(), c.createdAt(), c.createdBy(), at,
                c.acknowledgedThrough(), c.acknowledgedAt()))
        true
    }

    @Override
    long acknowledge(long id, long through, Instant at) {
        def c = clients.find { it.id() == id }
        long cursor = Math.max(c.acknowledgedThrough(), through)
        replace(c, new Client(c.id(), c.city(), c.name(), c.tokenSha256(), c.createdAt(), c.createdBy(), c.revokedAt(),
                cursor, at))
        cursor
    }

    private void replace(Client old, Client now) {
        clients[clients.indexOf(old)] = now
    }
}
