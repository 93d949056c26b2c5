package jp.madoguchi.acceptance.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/** Production classes only: no test-classes folders and no test jars (the shared adapter fixtures). */
public class ProductionCodeOnly implements ImportOption {

    @Override
    public boolean includes(Location location) {
        return !location.contains("/test-classes/") && !location.contains("-tests.jar");
    }
}
