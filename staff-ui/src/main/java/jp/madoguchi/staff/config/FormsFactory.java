package jp.madoguchi.staff.config;

import java.time.Clock;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.in.ConfirmOnTabletUseCase;
import jp.madoguchi.application.port.in.DesignFormsUseCase;
import jp.madoguchi.application.port.in.KioskHearingUseCase;
import jp.madoguchi.application.port.out.AuditTrail;
import jp.madoguchi.application.port.out.ContentConfirmations;
import jp.madoguchi.application.port.out.DocumentPrinter;
import jp.madoguchi.application.port.out.FilledFormRenderer;
import jp.madoguchi.application.port.out.FormCatalogue;
import jp.madoguchi.application.port.out.FormDefinitions;
import jp.madoguchi.application.port.out.MoveIns;
import jp.madoguchi.application.port.out.ProcedureCatalogue;
import jp.madoguchi.application.port.out.Municipalities;
import jp.madoguchi.application.port.out.ReceptionPaperwork;
import jp.madoguchi.application.port.out.Receptions;
import jp.madoguchi.application.port.out.ResidentRegistry;
import jp.madoguchi.application.port.out.Transactions;
import jp.madoguchi.application.service.ConfirmOnTabletService;
import jp.madoguchi.application.service.DesignFormsService;
import jp.madoguchi.application.service.FormsAtCounterService;
import jp.madoguchi.application.service.KioskHearingService;
import jp.madoguchi.domain.calendar.EraTable;

/**
 * 様式: 窓口の様式と申請書、様式の設計。
 * Services are built with {@code new}, so the application module stays free of annotations
 * (ddd-by-examples/library's configuration style); each bean is built only when a driving adapter asks.
 */
@Factory
public class FormsFactory {

    /** One service for the 様式 page and the visit's 申請書 step: the same forms, filled the same way. */
    @Singleton
    FormsAtCounterService formsAtCounter(Receptions receptions, ResidentRegistry registry, MoveIns moveIns,
            FormCatalogue catalogue, FormDefinitions definitions, ReceptionPaperwork paperwork,
            ContentConfirmations confirmations, FilledFormRenderer renderer, DocumentPrinter printer,
            Municipalities municipalities, AuditTrail trail, Transactions transactions, EraTable eras, Clock clock) {
        return new FormsAtCounterService(receptions, registry, moveIns, catalogue, definitions, paperwork,
                confirmations, renderer, printer, municipalities, trail, transactions, eras, clock);
    }

    @Singleton
    ConfirmOnTabletUseCase confirmOnTablet(Receptions receptions, ResidentRegistry registry, MoveIns moveIns,
            FormCatalogue catalogue, FormDefinitions definitions, ReceptionPaperwork paperwork,
            ContentConfirmations confirmations, Municipalities municipalities, AuditTrail trail,
            Transactions transactions, EraTable eras, Clock clock) {
        return new ConfirmOnTabletService(receptions, registry, moveIns, catalogue, definitions, paperwork,
                confirmations, municipalities, trail, transactions, eras, clock);
    }

    @Singleton
    KioskHearingUseCase kioskHearing(FormCatalogue catalogue, FormDefinitions definitions, ResidentRegistry registry,
            MoveIns moveIns, ProcedureCatalogue procedures, Receptions receptions, ReceptionPaperwork paperwork,
            Municipalities municipalities, AuditTrail trail, Transactions transactions, EraTable eras, Clock clock) {
        return new KioskHearingService(catalogue, definitions, registry, moveIns, procedures, receptions, paperwork,
                municipalities, trail, transactions, eras, clock);
    }

    @Singleton
    DesignFormsUseCase designForms(FormCatalogue catalogue, FormDefinitions definitions, FilledFormRenderer renderer,
            AuditTrail trail, Transactions transactions, Clock clock) {
        return new DesignFormsService(catalogue, definitions, renderer, trail, transactions, clock);
    }
}
