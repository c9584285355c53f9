package org.queuedesk.desktop.admin;

import java.util.ResourceBundle;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The dashboard: today's totals as tiles, then arrivals and calls by hour and served per service as charts. */
final class DashboardView {

    private DashboardView() {
    }

    static Node build(DashboardViewModel vm, ResourceBundle messages) {
        Label title = new Label(messages.getString("admin.dashboard.title"));
        title.getStyleClass().add("card-title");
        Label day = new Label();
        day.setId("dashboardDay");
        day.getStyleClass().add("muted");
        day.textProperty().bind(vm.day);
        HBox heading = new HBox(12, title, day, FormLayout.status(vm.form(), "dashboard"));
        heading.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);

        HBox tiles = new HBox(12,
                tile("dashboardIssued", "admin.dashboard.issued", vm.issued, messages),
                tile("dashboardServed", "admin.dashboard.served", vm.served, messages),
                tile("dashboardNoShows", "admin.dashboard.noShows", vm.noShows, messages),
                tile("dashboardMeanWait", "admin.dashboard.meanWait", vm.meanWait, messages));

        // a line over the hours of the day: a quiet day's few tickets still read as a peak, not a hairline bar
        LineChart<String, Number> hours = new LineChart<>(categories("admin.dashboard.hour", messages), counts());
        dress(hours, "dashboardHours", "admin.dashboard.byHour", messages);
        Runnable drawHours = () -> {
            var arrivals = series(messages.getString("admin.dashboard.arrivals"));
            var calls = series(messages.getString("admin.dashboard.calls"));
            for (var point : vm.byHour()) {
                String hour = String.format("%02d", point.hour());
                arrivals.getData().add(new XYChart.Data<>(hour, point.arrivals()));
                calls.getData().add(new XYChart.Data<>(hour, point.calls()));
            }
            hours.getData().setAll(java.util.List.of(arrivals, calls));
        };
        vm.byHour().addListener((ListChangeListener<DashboardViewModel.HourPoint>) change -> drawHours.run());

        // the "waits by hour": the mean wait of the patients called in each hour, in minutes
        NumberAxis minutes = new NumberAxis();
        minutes.setAnimated(false);
        minutes.setMinorTickVisible(false);
        CategoryAxis waitHours = categories("admin.dashboard.hour", messages);
        LineChart<String, Number> waits = new LineChart<>(waitHours, minutes);
        dress(waits, "dashboardWaits", "admin.dashboard.waitsByHour", messages);
        Runnable drawWaits = () -> {
            var mean = series(messages.getString("admin.dashboard.waitMinutes"));
            var hoursShown = new java.util.ArrayList<String>();
            double longest = 0;
            for (var point : vm.byHour()) {
                String hour = String.format("%02d", point.hour());
                hoursShown.add(hour);
                if (point.waitMinutes() != null) { // an hour without calls has no wait, not a wait of zero
                    mean.getData().add(new XYChart.Data<>(hour, point.waitMinutes()));
                    longest = Math.max(longest, point.waitMinutes());
                }
            }
            // the same hours as the arrivals beside it, and a scale of whole minutes from zero
            waitHours.setAutoRanging(false);
            waitHours.setTickLabelRotation(90); // as the arrivals' axis turns its own: 11 hours do not fit flat
            waitHours.getCategories().setAll(hoursShown);
            minutes.setAutoRanging(false);
            double top = Math.max(10, Math.ceil(longest / 5) * 5);
            minutes.setLowerBound(0);
            minutes.setUpperBound(top);
            minutes.setTickUnit(top / 5);
            waits.getData().setAll(java.util.List.of(mean));
        };
        vm.byHour().addListener((ListChangeListener<DashboardViewModel.HourPoint>) change -> drawWaits.run());

        BarChart<String, Number> services = chart("dashboardServices", "admin.dashboard.byService",
                "admin.dashboard.service", messages);
        Runnable drawServices = () -> {
            var served = series(messages.getString("admin.dashboard.served"));
            var noShows = series(messages.getString("admin.dashboard.noShows"));
            for (var point : vm.byService()) {
                served.getData().add(new XYChart.Data<>(point.name(), point.served()));
                noShows.getData().add(new XYChart.Data<>(point.name(), point.noShows()));
            }
            services.getData().setAll(java.util.List.of(served, noShows));
        };
        vm.byService().addListener((ListChangeListener<DashboardViewModel.ServicePoint>) change -> drawServices.run());
        drawHours.run();
        drawWaits.run();
        drawServices.run();

        HBox charts = new HBox(12, card(waits), card(hours), card(services));
        charts.getChildren().forEach(c -> HBox.setHgrow(c, Priority.ALWAYS));
        VBox.setVgrow(charts, Priority.ALWAYS);
        VBox page = new VBox(12, heading, tiles, charts);
        page.getStyleClass().add("admin-page");
        return page;
    }

    private static VBox tile(String id, String captionKey, StringProperty value, ResourceBundle messages) {
        Label caption = new Label(messages.getString(captionKey));
        caption.getStyleClass().add("muted");
        Label number = new Label();
        number.setId(id);
        number.getStyleClass().add("card-title");
        number.setStyle("-fx-font-size: 2em;");
        number.textProperty().bind(value);
        VBox tile = new VBox(2, caption, number);
        tile.getStyleClass().add("card");
        tile.setMaxWidth(Double.MAX_VALUE);
        tile.setPrefWidth(10);
        HBox.setHgrow(tile, Priority.ALWAYS);
        return tile;
    }

    private static BarChart<String, Number> chart(String id, String titleKey, String axisKey, ResourceBundle messages) {
        BarChart<String, Number> chart = new BarChart<>(categories(axisKey, messages), counts());
        dress(chart, id, titleKey, messages);
        return chart;
    }

    private static CategoryAxis categories(String axisKey, ResourceBundle messages) {
        CategoryAxis x = new CategoryAxis();
        x.setLabel(messages.getString(axisKey));
        x.setAnimated(false);
        return x;
    }

    private static NumberAxis counts() {
        NumberAxis y = new NumberAxis();
        y.setMinorTickVisible(false);
        y.setTickUnit(1);
        y.setAnimated(false);
        // whole tickets: no 0.5 ticks on a quiet day
        y.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number value) {
                return value.doubleValue() == Math.rint(value.doubleValue()) ? Long.toString(value.longValue()) : "";
            }

            @Override
            public Number fromString(String text) {
                return Double.valueOf(text);
            }
        });
        return y;
    }

    private static void dress(XYChart<String, Number> chart, String id, String titleKey, ResourceBundle messages) {
        chart.setId(id);
        chart.setTitle(messages.getString(titleKey));
        chart.setAnimated(false);
        chart.setMinHeight(220);
        chart.setPrefWidth(10);
        chart.setMaxWidth(Double.MAX_VALUE);
    }

    private static XYChart.Series<String, Number> series(String name) {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.setName(name);
        return series;
    }

    private static VBox card(Node chart) {
        VBox card = new VBox(chart);
        card.getStyleClass().add("card");
        VBox.setVgrow(chart, Priority.ALWAYS);
        card.setMaxWidth(Double.MAX_VALUE);
        card.setPrefWidth(10);
        return card;
    }
}
