package org.queuedesk.desktop.ground;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * A wrapped label drawn as a text flow of one {@link Text} per word. JavaFX 21 draws a wrapped line of
 * Arabic with the whole text run in it when a line break falls inside one run of complex script: the line
 * overflows its label and its last words show again on the next line (seen in the Arabic desk's hints).
 * Breaking between nodes never splits a run, so each line is shaped on its own.
 */
public final class WordWrapLabelSkin extends SkinBase<Label> {

    private static final Pattern WORDS = Pattern.compile("\\S+[ \\t\\u00a0]*|\\s");
    private final TextFlow flow = new TextFlow();

    public WordWrapLabelSkin(Label label) {
        super(label);
        getChildren().setAll(flow);
        flow.textAlignmentProperty().bind(label.textAlignmentProperty());
        flow.lineSpacingProperty().bind(label.lineSpacingProperty());
        registerChangeListener(label.textProperty(), o -> rebuild());
        registerChangeListener(label.fontProperty(), o -> rebuild());
        registerChangeListener(label.textFillProperty(), o -> rebuild());
        rebuild();
    }

    /** Gives every wrapped label under {@code root} this skin (screens shown in a right-to-left language). */
    public static void applyToWrappedLabels(Parent root) {
        List<Node> nodes = new ArrayList<>(List.of(root));
        while (!nodes.isEmpty()) {
            Node node = nodes.remove(nodes.size() - 1);
            if (node instanceof Label label && label.isWrapText() && label.getGraphic() == null) {
                label.setSkin(new WordWrapLabelSkin(label));
            } else if (node instanceof javafx.scene.control.ScrollPane scroll) {
                if (scroll.getContent() != null) {
                    nodes.add(scroll.getContent()); // not among its children until it has a skin
                }
            } else if (node instanceof Parent parent) {
                nodes.addAll(parent.getChildrenUnmodifiable());
            }
        }
    }

    private void rebuild() {
        Label label = getSkinnable();
        String text = label.getText() == null ? "" : label.getText();
        List<Text> words = new ArrayList<>();
        Matcher word = WORDS.matcher(text);
        while (word.find()) {
            Text part = new Text(word.group());
            part.setFont(label.getFont());
            part.setFill(label.getTextFill());
            words.add(part);
        }
        flow.getChildren().setAll(words);
        label.requestLayout();
    }

    @Override
    protected double computeMinWidth(double height, double top, double right, double bottom, double left) {
        return left + right;
    }

    @Override
    protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
        return left + flow.prefWidth(-1) + right;
    }

    /** As a label's: no wider or taller than its text, so a box can centre it. */
    @Override
    protected double computeMaxWidth(double height, double top, double right, double bottom, double left) {
        return computePrefWidth(height, top, right, bottom, left);
    }

    @Override
    protected double computeMaxHeight(double width, double top, double right, double bottom, double left) {
        return computePrefHeight(width, top, right, bottom, left);
    }

    @Override
    protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
        return computePrefHeight(width, top, right, bottom, left);
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        double inside = width < 0 ? -1 : Math.max(0, width - left - right);
        return top + flow.prefHeight(inside) + bottom;
    }

    /** As the default skin: text narrower than the label sits where the label's alignment says. */
    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        double width = Math.min(w, flow.prefWidth(-1));
        flow.resize(width, Math.min(h, flow.prefHeight(width)));
        var alignment = getSkinnable().getAlignment();
        positionInArea(flow, x, y, w, h, 0, alignment.getHpos(), alignment.getVpos());
    }
}
