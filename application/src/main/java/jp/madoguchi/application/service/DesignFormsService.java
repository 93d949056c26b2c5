package jp.madoguchi.application.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jp.madoguchi.application.port.in.DesignFormsUseCase;
import jp.madoguchi.application.port.out.AuditTrail;
import jp.madoguchi.application.port.out.Transactions;
import jp.madoguchi.application.port.out.ConcurrentUpdateException;
import jp.madoguchi.application.port.out.FilledFormRenderer;
import jp.madoguchi.application.port.out.FormCatalogue;
import jp.madoguchi.application.port.out.FormDefinitions;
import jp.madoguchi.application.port.out.FormDefinitions.StoredForm;
import jp.madoguchi.application.port.out.RenderedDocument;
import jp.madoguchi.domain.audit.AuditAction;
import jp.madoguchi.domain.form.FieldDefinition;
import jp.madoguchi.domain.form.FieldDictionary;
import jp.madoguchi.domain.form.FormDefinition;
import jp.madoguchi.domain.form.FormDefinitionText;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;
import jp.madoguchi.domain.shared.Rejection;

public final class DesignFormsService implements DesignFormsUseCase {

    private final FormCatalogue catalogue;
    private final FormDefinitions store;
    private final FieldDictionary dictionary;
    private final FormVersions versions;
    private final FilledFormRenderer renderer;
    private final AccessRecords access;
    private final Clock clock;

    private final Transactions transactions;

    public DesignFormsService(FormCatalogue catalogue, FormDefinitions store, FilledFormRenderer renderer,
                              AuditTrail trail, Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.catalogue = catalogue;
        this.store = store;
        this.dictionary = catalogue.dictionary();
        this.versions = new FormVersions(store, dictionary);
        this.renderer = renderer;
        this.access = new AccessRecords(trail, clock);
        this.clock = clock;
    }

    @Override
    public int ensureShippedForms(LocalGovernmentCode city) {
        List<StoredForm> shipped = new ArrayList<>();
        for (String text : catalogue.shippedDefinitions()) {
            FormDefinition form = FormDefinitionText.parse(text, dictionary);
            shipped.add(new StoredForm(form.id(), 1, form.effectiveFrom(), form.text(), null, null));
        }
        int added = store.seedMissing(city, shipped, clock.instant());
        return added + store.updateShipped(city, shipped, LocalDate.now(clock), clock.instant());
    }

    @Override
    public List<FormDefinition> inForce(LocalGovernmentCode city, LocalDate day) {
        return versions.inForce(city, day);
    }

    @Override
    public List<StoredForm> history(LocalGovernmentCode city, String formId) {
        return store.versions(city).stream().filter(f -> f.id().equals(formId)).toList();
    }

    @Override
    public List<FieldDefinition> dictionary() {
        return dictionary.all();
    }

    @Override
    public FormDefinition check(String text) {
        return FormDefinitionText.parse(text, dictionary);
    }

    @Override
    public RenderedDocument preview(String text) {
        return renderer.render(FormFiller.sample(check(text), dictionary));
    }

    @Override
    public FormDefinition publish(LocalGovernmentCode city, String text, LocalDate effectiveFrom, int expectedNewestVersion,
                                  Operator operator) {
        FormDefinition form = check(text);
        LocalDate from = effectiveFrom == null ? LocalDate.now(clock) : effectiveFrom;
        int newest = history(city, form.id()).stream().mapToInt(StoredForm::version).max().orElse(0);
        if (newest != expectedNewestVersion) {
            throw new ConcurrentUpdateException("様式 " + form.id() + " は他の職員が先に第" + newest
                    + "版を公開しました。画面を読み込み直してから変更してください。");
        }
        FormDefinition version = form.asVersion(newest + 1, from);
        transactions.inTransaction(() -> {
            store.publish(city, new StoredForm(form.id(), version.version(), from, form.text(), null, null), operator,
                    clock.instant());
            access.record(city, operator, AuditAction.ADMINISTRATION, List.of(), "様式の変更",
                    "様式 " + form.id() + "（" + form.title() + "）を第" + version.version() + "版として公開（" + from + "から有効）");
        });
        return version;
    }

    @Override
    public String export(LocalGovernmentCode city, String formId) {
        return history(city, formId).stream().reduce((a, b) -> b).map(StoredForm::text)
                .orElseThrow(() -> new Rejection("forms.not-found", "様式「" + formId + "」はありません"));
    }
}
