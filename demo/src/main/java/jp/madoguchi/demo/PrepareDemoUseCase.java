package jp.madoguchi.demo;

/**
 * Makes an empty installation demonstrable: synthetic residents in the registry replica and demo staff
 * accounts. Does nothing that is already done, so it is safe at every start.
 */
public interface PrepareDemoUseCase {

    DemoReport prepare();

    /** What was added this time (0 when the data was there already). */
    record DemoReport(int residentsLoaded, int staffAccountsCreated) {
    }
}
