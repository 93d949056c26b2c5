package jp.madoguchi.staff.web.archviolation;

import jp.madoguchi.demo.synthetic.SyntheticPopulation;

/** Deliberately wrong: a production page that reaches for the demo's synthetic population. */
public class PageUsingDemoPopulation {

    public Object population() {
        return new SyntheticPopulation(null);
    }
}
