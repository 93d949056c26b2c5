package jp.madoguchi.kiosk.web.archviolation;

import jp.madoguchi.application.service.ListProceduresService;

/** Deliberately wrong: a kiosk page that depends on a service class rather than its use-case interface. */
public class PageUsingService {

    private final ListProceduresService procedures;

    public PageUsingService(ListProceduresService procedures) {
        this.procedures = procedures;
    }

    public int count() {
        return procedures.all().size();
    }
}
