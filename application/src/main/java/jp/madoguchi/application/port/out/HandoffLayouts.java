package jp.madoguchi.application.port.out;

import java.util.List;

import jp.madoguchi.domain.handoff.CodeLists;
import jp.madoguchi.domain.handoff.HandoffLayout;

/** The hand-off layouts in force: the shipped ones, each replaced by the city's own copy where it has one. */
public interface HandoffLayouts {

    List<HandoffLayout> all();

    CodeLists codes();
}
