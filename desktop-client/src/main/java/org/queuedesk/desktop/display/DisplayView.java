package org.queuedesk.desktop.display;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ResourceBundle;
import javafx.collections.ListChangeListener;
import javafx.collections.SetChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.queuedesk.desktop.ground.ControllerFactory;
import org.queuedesk.desktop.ground.Fxml;
import org.queuedesk.desktop.ground.SceneKeys;
import org.queuedesk.desktop.ground.StaffPin;
import org.queuedesk.desktop.ground.StaffPinPad;
import org.queuedesk.desktop.ground.Ticker;

/**
 * Controller for {@code Display.fxml}: rows of big numbers and rooms, a new call or recall flashing; Escape
 * does nothing on a TV, staff leave with the PIN.
 */
public final class DisplayView {

    private static final PseudoClass FLASH = PseudoClass.getPseudoClass("flash");

    private final DisplayViewModel viewModel;
    private final Clock clock;
    private final StaffPin pin;
    private Parent root;

    @FXML private StackPane displayRoot;
    @FXML private Label siteLabel;
    @FXML private Label clockLabel;
    @FXML private VBox currentRows;
    @FXML private VBox recentRows;
    @FXML private Label emptyLabel;
    @FXML private Label offlineLabel;

    public DisplayView(DisplayViewModel viewModel, Clock clock, StaffPin pin) {
        this.viewModel = viewModel;
        this.clock = clock;
        this.pin = pin;
    }

    /** A board with the staff PIN pad that leaves it. */
    public static DisplayView load(DisplayViewModel viewModel, ResourceBundle messages, Clock clock, StaffPin pin) {
        DisplayView view = new DisplayView(viewModel, clock, pin);
        view.root = Fxml.load(DisplayView.class, "Display.fxml", messages,
                new ControllerFactory().register(DisplayView.class, () -> view));
        if (pin != null) {
            StaffPinPad.install(view.displayRoot, pin, messages, "display.pin.title");
        }
        return view;
    }

    /** A board on its own, that nothing leaves (tests of the board alone). */
    public static DisplayView load(DisplayViewModel viewModel, ResourceBundle messages, Clock clock) {
        return load(viewModel, messages, clock, null);
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        siteLabel.textProperty().bind(viewModel.siteNameProperty());
        offlineLabel.visibleProperty().bind(viewModel.offlineProperty());
        emptyLabel.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(viewModel.current()));
        emptyLabel.managedProperty().bind(emptyLabel.visibleProperty());
        viewModel.current().addListener((ListChangeListener<DisplayViewModel.RoomCall>) change -> fillCurrent());
        viewModel.recent().addListener((ListChangeListener<DisplayViewModel.Call>) change -> fillRecent());
        viewModel.flashing().addListener((SetChangeListener<String>) change -> {
            String number = change.wasAdded() ? change.getElementAdded() : change.getElementRemoved();
            Node row = currentRows.lookup("#" + rowId(number));
            if (row != null) {
                row.pseudoClassStateChanged(FLASH, change.wasAdded());
            }
        });
        fillCurrent();
        fillRecent();
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm");
        Runnable tick = () -> clockLabel.setText(time.format(clock.instant().atZone(ZoneId.systemDefault())));
        tick.run();
        Ticker.whileShown(displayRoot, Duration.seconds(5), tick);
        SceneKeys.whileShown(displayRoot, event -> {
            if (event.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                event.consume();
            }
        });
    }

    private void fillCurrent() {
        currentRows.getChildren().clear();
        boolean first = true;
        for (DisplayViewModel.RoomCall call : viewModel.current()) {
            HBox row = row(call.number(), call.room(), "display-number", "display-room");
            row.setId(rowId(call.number()));
            row.pseudoClassStateChanged(FLASH, viewModel.flashing().contains(call.number()));
            row.getStyleClass().add(first ? "display-row-latest" : "display-row");
            if (call.serving()) {
                row.getStyleClass().add("display-row-serving");
            }
            currentRows.getChildren().add(row);
            first = false;
        }
    }

    private void fillRecent() {
        recentRows.getChildren().clear();
        for (DisplayViewModel.Call call : viewModel.recent()) {
            HBox row = row(call.number(), call.room(), "display-recent-number", "display-recent-room");
            row.getStyleClass().add("display-recent-row");
            recentRows.getChildren().add(row);
        }
    }

    /** {@code A-042} becomes {@code call-A042}: JavaFX's CSS lookup does not take a hyphen before digits. */
    public static String rowId(String number) {
        return "call-" + number.replaceAll("[^A-Za-z0-9]", "");
    }

    private static HBox row(String number, String room, String numberStyle, String roomStyle) {
        Label numberLabel = new Label(number);
        numberLabel.getStyleClass().add(numberStyle);
        numberLabel.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label roomLabel = new Label(room);
        roomLabel.getStyleClass().add(roomStyle);
        roomLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(16, numberLabel, gap, roomLabel);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
