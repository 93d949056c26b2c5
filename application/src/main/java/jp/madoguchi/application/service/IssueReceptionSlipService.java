package jp.madoguchi.application.service;

import java.util.Optional;

import jp.madoguchi.application.port.in.IssueReceptionSlipUseCase;
import jp.madoguchi.application.port.out.Receptions;
import jp.madoguchi.application.port.out.TwoDimensionalCodes;
import jp.madoguchi.domain.procedure.Procedure;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;

public final class IssueReceptionSlipService implements IssueReceptionSlipUseCase {

    private final Receptions receptions;
    private final TwoDimensionalCodes codes;

    public IssueReceptionSlipService(Receptions receptions, TwoDimensionalCodes codes) {
        this.receptions = receptions;
        this.codes = codes;
    }

    @Override
    public Optional<ReceptionSlip> slip(LocalGovernmentCode city, ReceptionNumber number) {
        return receptions.find(city, number).map(r -> {
            String reference = ReceptionReference.of(r);
            return new ReceptionSlip(r.number(), r.number().callNumber(), r.openedAt(),
                    r.procedures().stream().map(Procedure::name).toList(), r.department().name(), reference,
                    codes.qrPng(reference, 240));
        });
    }
}
