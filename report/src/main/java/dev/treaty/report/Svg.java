package dev.treaty.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The report's charts as inline SVG, drawn here rather than by a script so the report needs no
 * JavaScript, prints as it shows, and every mark can carry a tooltip and a link to its explanation.
 * Values are scaled to pixels in double: that is geometry only; every figure printed is exact.
 */
final class Svg {

    static final String[] COLOURS = {"#2f6db5", "#d9822b", "#3a9a5b", "#b8443e", "#7d5ab5", "#8c6d3f", "#c55a9f", "#5f7f8f"};

    private Svg() {
    }

    /** A bar with its label, a tooltip and where it links. */
    record Bar(String label, BigDecimal value, String title, String href) {
    }

    /** A span of days on a row of the timeline. */
    record Span(LocalDate from, LocalDate through, int colour, String label, String title, String href) {
    }

    record Row(String label, List<Span> spans) {
    }

    /** A point of a line: a day and a value. */
    record Point(LocalDate day, BigDecimal value) {
    }

    /** Bars per period, with an optional horizontal line (a cap) labelled. */
    static String bars(List<Bar> bars, Optional<BigDecimal> line, String lineLabel, String caption) {
        int width = 900;
        int height = 240;
        int left = 70;
        int bottom = 40;
        double max = bars.stream().mapToDouble(b -> b.value().doubleValue()).max().orElse(1);
        if (line.isPresent()) max = Math.max(max, line.get().doubleValue());
        if (max <= 0) max = 1;
        double plot = height - bottom - 10;
        double step = (width - left - 10) / (double) Math.max(1, bars.size());
        StringBuilder svg = open(width, height, caption);
        axis(svg, left, height - bottom, width, max, plot);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double h = Math.max(0, bar.value().doubleValue()) / max * plot;
            double x = left + i * step + step * 0.1;
            svg.append("<a href=\"").append(Html.attr(bar.href())).append("\"><rect class=\"bar\" x=\"").append(f(x)).append("\" y=\"")
                    .append(f(height - bottom - h)).append("\" width=\"").append(f(step * 0.8)).append("\" height=\"").append(f(h))
                    .append("\"><title>").append(Html.text(bar.title())).append("</title></rect></a>");
            if (bars.size() <= 12 || i % ((bars.size() + 9) / 10) == 0) {
                svg.append("<text class=\"tick\" x=\"").append(f(x + step * 0.4)).append("\" y=\"").append(height - bottom + 14)
                        .append("\" text-anchor=\"middle\">").append(Html.text(bar.label())).append("</text>");
            }
        }
        double chartMax = max;
        line.ifPresent(value -> level(svg, height - bottom - value.doubleValue() / chartMax * plot, left, width, lineLabel));
        return svg.append("</svg>").toString();
    }

    /** Bars above and below a zero line: gains and losses per period. */
    static String diverging(List<Bar> bars, String caption) {
        int width = 900;
        int height = 240;
        int left = 70;
        int bottom = 30;
        double max = bars.stream().mapToDouble(b -> Math.abs(b.value().doubleValue())).max().orElse(1);
        if (max <= 0) max = 1;
        double half = (height - bottom - 10) / 2.0;
        double zero = 10 + half;
        double step = (width - left - 10) / (double) Math.max(1, bars.size());
        StringBuilder svg = open(width, height, caption);
        svg.append("<line class=\"axis\" x1=\"").append(left).append("\" y1=\"").append(f(zero)).append("\" x2=\"").append(width - 10)
                .append("\" y2=\"").append(f(zero)).append("\"/>");
        svg.append("<text class=\"tick\" x=\"").append(left - 6).append("\" y=\"").append(f(14)).append("\" text-anchor=\"end\">+")
                .append(compact(max)).append("</text><text class=\"tick\" x=\"").append(left - 6).append("\" y=\"").append(f(zero + 4))
                .append("\" text-anchor=\"end\">0</text><text class=\"tick\" x=\"").append(left - 6).append("\" y=\"").append(f(zero + half))
                .append("\" text-anchor=\"end\">−").append(compact(max)).append("</text>");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double value = bar.value().doubleValue();
            double h = Math.abs(value) / max * half;
            double x = left + i * step + step * 0.1;
            svg.append("<a href=\"").append(Html.attr(bar.href())).append("\"><rect class=\"bar ").append(value < 0 ? "neg" : "pos")
                    .append("\" x=\"").append(f(x)).append("\" y=\"").append(f(value < 0 ? zero : zero - h)).append("\" width=\"")
                    .append(f(step * 0.8)).append("\" height=\"").append(f(h)).append("\"><title>").append(Html.text(bar.title()))
                    .append("</title></rect></a>");
            if (bars.size() <= 12 || i % ((bars.size() + 9) / 10) == 0) {
                svg.append("<text class=\"tick\" x=\"").append(f(x + step * 0.4)).append("\" y=\"").append(height - bottom + 14)
                        .append("\" text-anchor=\"middle\">").append(Html.text(bar.label())).append("</text>");
            }
        }
        return svg.append("</svg>").toString();
    }

    /** One or more step lines over days, with an optional horizontal line (a cap, a commitment) and a marker day. */
    static String lines(List<List<Point>> series, List<String> names, Optional<BigDecimal> level, String levelLabel,
                        Optional<LocalDate> marker, String markerLabel, String caption) {
        int width = 900;
        int height = 260;
        int left = 70;
        int bottom = 40;
        LocalDate first = series.stream().flatMap(List::stream).map(Point::day).min(LocalDate::compareTo).orElse(LocalDate.now());
        LocalDate last = series.stream().flatMap(List::stream).map(Point::day).max(LocalDate::compareTo).orElse(first.plusDays(1));
        if (!last.isAfter(first)) last = first.plusDays(1);
        double max = series.stream().flatMap(List::stream).mapToDouble(p -> p.value().doubleValue()).max().orElse(1);
        if (level.isPresent()) max = Math.max(max, level.get().doubleValue());
        if (max <= 0) max = 1;
        double plot = height - bottom - 10;
        double days = ChronoUnit.DAYS.between(first, last);
        StringBuilder svg = open(width, height, caption);
        axis(svg, left, height - bottom, width, max, plot);
        years(svg, first, last, left, width - 10, height - bottom);
        for (int s = 0; s < series.size(); s++) {
            StringBuilder path = new StringBuilder();
            double previousY = height - bottom;
            for (Point point : series.get(s)) {
                double x = left + ChronoUnit.DAYS.between(first, point.day()) / days * (width - left - 10);
                double y = height - bottom - point.value().doubleValue() / max * plot;
                path.append(path.isEmpty() ? "M" + f(x) + " " + f(previousY) : "") .append(" L").append(f(x)).append(" ").append(f(previousY))
                        .append(" L").append(f(x)).append(" ").append(f(y));
                previousY = y;
            }
            svg.append("<path class=\"series\" stroke=\"").append(COLOURS[s % COLOURS.length]).append("\" d=\"").append(path)
                    .append("\"><title>").append(Html.text(names.get(s))).append("</title></path>");
        }
        double chartMax = max;
        level.ifPresent(value -> level(svg, height - bottom - value.doubleValue() / chartMax * plot, left, width, levelLabel));
        LocalDate start = first;
        marker.ifPresent(day -> {
            double x = left + ChronoUnit.DAYS.between(start, day) / days * (width - left - 10);
            svg.append("<line class=\"marker\" x1=\"").append(f(x)).append("\" x2=\"").append(f(x)).append("\" y1=\"10\" y2=\"")
                    .append(height - bottom).append("\"/><text class=\"marker-label\" x=\"").append(f(x + 4)).append("\" y=\"22\">")
                    .append(Html.text(markerLabel)).append("</text>");
        });
        for (int s = 0; s < names.size() && names.size() > 1; s++) {
            svg.append("<text class=\"legend\" fill=\"").append(COLOURS[s % COLOURS.length]).append("\" x=\"").append(left + 10)
                    .append("\" y=\"").append(24 + 14 * s).append("\">").append(Html.text(names.get(s))).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /** Rows of spans over time: the versions and each clause across them. */
    static String timeline(List<Row> rows, LocalDate first, LocalDate last, String caption) {
        int rowHeight = 22;
        // the labels stand right-aligned before the bars: leave them room, about 7 px a character
        int longest = rows.stream().mapToInt(r -> r.label().length()).max().orElse(10);
        int left = Math.min(LABEL_WIDTH_MAX, 16 + 7 * longest);
        int width = left + 710;
        int height = rows.size() * rowHeight + 40;
        double days = Math.max(1, ChronoUnit.DAYS.between(first, last));
        StringBuilder svg = open(width, height, caption);
        years(svg, first, last, left, width - 10, height - 20);
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            int y = 8 + r * rowHeight;
            svg.append("<text class=\"row-label\" x=\"").append(left - 6).append("\" y=\"").append(y + 14).append("\" text-anchor=\"end\">")
                    .append(Html.text(row.label())).append("</text>");
            for (Span span : row.spans()) {
                LocalDate from = span.from().isBefore(first) ? first : span.from();
                LocalDate through = span.through() == null || span.through().isAfter(last) ? last : span.through();
                if (through.isBefore(from)) continue;
                double x = left + ChronoUnit.DAYS.between(first, from) / days * (width - left - 10);
                double w = Math.max(2, (ChronoUnit.DAYS.between(from, through) + 1) / days * (width - left - 10));
                svg.append("<a href=\"").append(Html.attr(span.href())).append("\"><rect class=\"span\" fill=\"")
                        .append(COLOURS[span.colour() % COLOURS.length]).append("\" x=\"").append(f(x)).append("\" y=\"").append(y)
                        .append("\" width=\"").append(f(w)).append("\" height=\"").append(rowHeight - 6).append("\"><title>")
                        .append(Html.text(span.title())).append("</title></rect>");
                if (w > 60) {
                    svg.append("<text class=\"span-label\" x=\"").append(f(x + 4)).append("\" y=\"").append(y + 12).append("\">")
                            .append(Html.text(span.label())).append("</text>");
                }
                svg.append("</a>");
            }
        }
        return svg.append("</svg>").toString();
    }

    /** The widest a timeline's label column gets, in pixels; longer labels are shortened. */
    static final int LABEL_WIDTH_MAX = 360;
    /** The longest label that fits {@link #LABEL_WIDTH_MAX}. */
    static final int LABEL_CHARS_MAX = (LABEL_WIDTH_MAX - 16) / 7;

    /** A dashed horizontal line at {@code y} with its label: a cap, a commitment. */
    private static void level(StringBuilder svg, double y, int left, int width, String label) {
        svg.append("<line class=\"cap\" x1=\"").append(left).append("\" x2=\"").append(width - 10).append("\" y1=\"").append(f(y))
                .append("\" y2=\"").append(f(y)).append("\"/><text class=\"cap-label\" x=\"").append(width - 12).append("\" y=\"")
                .append(f(y + 14)).append("\" text-anchor=\"end\">").append(Html.text(label)).append("</text>");
    }

    private static StringBuilder open(int width, int height, String caption) {
        // a group, not an image: the chart's bars and spans are links, and an image's parts are not announced
        return new StringBuilder("<svg role=\"group\" aria-label=\"").append(Html.attr(caption)).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" xmlns=\"http://www.w3.org/2000/svg\"><title>").append(Html.text(caption)).append("</title>");
    }

    private static void axis(StringBuilder svg, int left, int baseline, int width, double max, double plot) {
        svg.append("<line class=\"axis\" x1=\"").append(left).append("\" x2=\"").append(width - 10).append("\" y1=\"").append(baseline)
                .append("\" y2=\"").append(baseline).append("\"/>");
        for (int i = 0; i <= 4; i++) {
            double value = max * i / 4;
            double y = baseline - plot * i / 4;
            svg.append("<text class=\"tick\" x=\"").append(left - 6).append("\" y=\"").append(f(y + 4)).append("\" text-anchor=\"end\">")
                    .append(compact(value)).append("</text>");
            if (i > 0) {
                svg.append("<line class=\"grid\" x1=\"").append(left).append("\" x2=\"").append(width - 10).append("\" y1=\"").append(f(y))
                        .append("\" y2=\"").append(f(y)).append("\"/>");
            }
        }
    }

    private static void years(StringBuilder svg, LocalDate first, LocalDate last, int left, int right, int baseline) {
        double days = Math.max(1, ChronoUnit.DAYS.between(first, last));
        int span = last.getYear() - first.getYear();
        int every = span > 24 ? 5 : span > 12 ? 2 : 1;
        for (int year = first.getYear() + 1; year <= last.getYear(); year++) {
            if (year % every != 0) continue;
            double x = left + ChronoUnit.DAYS.between(first, LocalDate.of(year, 1, 1)) / days * (right - left);
            svg.append("<line class=\"grid\" x1=\"").append(f(x)).append("\" x2=\"").append(f(x)).append("\" y1=\"4\" y2=\"").append(baseline)
                    .append("\"/><text class=\"tick\" x=\"").append(f(x)).append("\" y=\"").append(baseline + 14)
                    .append("\" text-anchor=\"middle\">").append(year).append("</text>");
        }
    }

    /** 38e9 → "38 bn": axis ticks only. */
    static String compact(double value) {
        if (Math.abs(value) >= 1e9) return trim(value / 1e9) + " bn";
        if (Math.abs(value) >= 1e6) return trim(value / 1e6) + " m";
        if (Math.abs(value) >= 1e3) return trim(value / 1e3) + " k";
        return trim(value);
    }

    private static String trim(double value) {
        return new BigDecimal(value).setScale(1, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    private static String f(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
