package org.queuedesk.desktop.admin;

import java.util.EnumMap;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.queuedesk.common.site.SiteDto;

/**
 * Admin mode's frame: the site and the list of screens on the left (arrow keys move through it), the open screen
 * on the right. Each screen is built the first time it is opened and kept.
 */
public final class AdminView {

    private final AdminViewModel vm;
    private final ResourceBundle messages;
    private final Map<AdminScreen, Node> built = new EnumMap<>(AdminScreen.class);
    private final StackPane content = new StackPane();
    private final ReportFiles files;

    private AdminView(AdminViewModel vm, ResourceBundle messages, ReportFiles files) {
        this.vm = vm;
        this.messages = messages;
        this.files = files;
    }

    public static Parent load(AdminViewModel vm, ResourceBundle messages) {
        return load(vm, messages, ReportFiles.fileChooser(messages));
    }

    /** {@code files}: where an exported report is saved (tests give a path instead of the system's dialog). */
    public static Parent load(AdminViewModel vm, ResourceBundle messages, ReportFiles files) {
        return new AdminView(vm, messages, files).build();
    }

    private Parent build() {
        ComboBox<SiteDto> site = new ComboBox<>(vm.sites());
        site.setId("adminSite");
        site.setMaxWidth(Double.MAX_VALUE);
        site.setConverter(new StringConverter<>() {
            @Override
            public String toString(SiteDto value) {
                return value == null ? "" : value.name();
            }

            @Override
            public SiteDto fromString(String text) {
                return null;
            }
        });
        site.valueProperty().bindBidirectional(vm.siteProperty());
        Label siteCaption = new Label(messages.getString("admin.site"));
        siteCaption.getStyleClass().add("field-label");
        siteCaption.setLabelFor(site);

        ListView<AdminScreen> screens = new ListView<>();
        screens.setId("adminScreens");
        screens.getItems().setAll(AdminScreen.values());
        screens.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(AdminScreen item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : messages.getString(item.messageKey()));
                setId(empty || item == null ? null : "screen-" + item.name().toLowerCase(java.util.Locale.ROOT));
            }
        });
        screens.getSelectionModel().selectedItemProperty().addListener((o, b, now) -> {
            if (now != null) {
                vm.screenProperty().set(now);
            }
        });
        vm.screenProperty().addListener((o, b, now) -> {
            screens.getSelectionModel().select(now);
            show(now);
        });
        VBox left = new VBox(8, siteCaption, site, screens, FormLayout.status(vm.siteForm(), "adminSites"));
        left.getStyleClass().add("admin-nav");
        left.setPrefWidth(220);
        left.setMinWidth(200);
        VBox.setVgrow(screens, Priority.ALWAYS);

        content.setId("adminContent");
        BorderPane frame = new BorderPane(content);
        if (vm.alerts() != null) {
            // the same banner as at reception, under the list of screens (which gives way): the open screen keeps
            // all its height and nothing in it moves when an alert comes
            left.getChildren().add(org.queuedesk.desktop.alert.AlertBanner.narrow(vm.alerts(),
                    messages.getString("alert.acknowledge"),
                    n -> java.text.MessageFormat.format(messages.getString("alert.more"), n)));
        }
        frame.setLeft(left);
        frame.setId("root");
        frame.getStyleClass().addAll("page", "desk", "admin");
        BorderPane.setMargin(content, new javafx.geometry.Insets(0, 0, 0, 16));
        if (vm.screenProperty().get() != null) {
            screens.getSelectionModel().select(vm.screenProperty().get());
            show(vm.screenProperty().get());
        }
        return frame;
    }

    private void show(AdminScreen screen) {
        if (screen == null) {
            return;
        }
        Node node = built.computeIfAbsent(screen, this::create);
        content.getChildren().setAll(node);
    }

    private Node create(AdminScreen screen) {
        Node node = switch (screen) {
            case DASHBOARD -> DashboardView.build(vm.dashboard(), messages);
            case REPORTS -> ReportsView.build(vm.reports(), files, messages);
            case ALERTS -> AlertRulesView.build(vm.alertRules(), messages);
            case SERVICES -> ServicesView.build(vm.services(), messages);
            case ROOMS -> RoomsView.build(vm.rooms(), messages);
            case SCHEDULES -> SchedulesView.build(vm.schedules(), messages);
            case USERS -> UsersView.build(vm.users(), messages);
            case DEVICES -> DevicesView.build(vm.devices(), messages);
            case SETTINGS -> SiteSettingsView.build(vm.settings(), messages);
            case AUDIT -> AuditView.build(vm.audit(), messages);
        };
        node.setId("admin-" + screen.name().toLowerCase(java.util.Locale.ROOT));
        return node;
    }
}
