package jp.madoguchi.application.port.out;

/**
 * Signs the access history's chain head at a checkpoint with a key kept outside the database, so that a chain
 * rewritten by someone who can write the tables (and so recompute every hash) no longer meets its checkpoints.
 */
public interface CheckpointSeal {

    byte[] sign(long seq, byte[] chainHash);

    boolean verify(long seq, byte[] chainHash, byte[] signature);
}
