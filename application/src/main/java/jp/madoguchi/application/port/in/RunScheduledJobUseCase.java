package jp.madoguchi.application.port.in;

/** The scheduled jobs go through here so that, with several servers, each round runs on one of them only. */
public interface RunScheduledJobUseCase {

    /** @return whether this server ran the round (false: another server is running it) */
    boolean runAlone(String job, Runnable round);
}
