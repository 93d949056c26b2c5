package jp.madoguchi.application.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jp.madoguchi.application.port.in.PurgeLinkageArchivesUseCase;
import jp.madoguchi.application.port.out.LinkageSource;
import jp.madoguchi.application.port.out.LinkageSources;
import jp.madoguchi.domain.shared.Rejection;

/** Removes archived linkage files older than the retention from every configured source. */
public final class PurgeLinkageArchivesService implements PurgeLinkageArchivesUseCase {

    private final LinkageSources sources;
    private final Duration retention;
    private final Clock clock;

    public PurgeLinkageArchivesService(LinkageSources sources, Duration retention, Clock clock) {
        if (retention.isNegative() || retention.isZero()) {
            throw new Rejection("linkage.archive-retention-invalid", "連携ファイルの保管期間は正の期間で指定してください: " + retention);
        }
        this.sources = sources;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public ArchivePurge purge() {
        Instant before = clock.instant().minus(retention);
        int removed = 0;
        List<String> failures = new ArrayList<>();
        for (LinkageSource source : sources.configured()) {
            try {
                removed += source.purgeArchive(before);
            } catch (RuntimeException e) {
                // one unreachable bucket must not keep the folder's archive from being tidied
                failures.add(source.description() + ": " + e.getMessage());
            }
        }
        return new ArchivePurge(before, removed, failures);
    }
}
