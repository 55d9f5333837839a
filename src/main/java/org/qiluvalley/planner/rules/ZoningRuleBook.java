package org.qiluvalley.planner.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The park's rule book ({@code gis-data/zoning-rules.yaml}): per zone, the permitted land-use codes, indicator
 * ranges, parcel area range, budgets and pledges, each with the source of its numbers.
 *
 * <p>Loading is strict: an unknown key, a missing limit, a source that is not declared or a code that is not listed
 * stops loading with a message naming the line, so a malformed rule book never reaches the rule engine.
 */
public final class ZoningRuleBook {

    private final Map<String, String> sourceTitles;
    private final Map<String, LandUseCode> landUseCodes;
    private final RoadSetbacks roadSetbacks;
    private final Checks checks;
    private final Map<String, ZoneRules> zones;
    private final IndustrialLand industrialLand;

    private ZoningRuleBook(Map<String, String> sourceTitles, Map<String, LandUseCode> landUseCodes,
            RoadSetbacks roadSetbacks, Checks checks, Map<String, ZoneRules> zones, IndustrialLand industrialLand) {
        this.sourceTitles = Collections.unmodifiableMap(sourceTitles);
        this.landUseCodes = Collections.unmodifiableMap(landUseCodes);
        this.roadSetbacks = roadSetbacks;
        this.checks = checks;
        this.zones = Collections.unmodifiableMap(zones);
        this.industrialLand = industrialLand;
    }

    /**
     * The limits the national industrial-land indicators set on every industrial parcel (land-use codes of major
     * class {@value #INDUSTRIAL_PREFIX}, 工矿用地), whatever its zone. Fractions of the parcel area.
     *
     * @param adminShare administrative office and living-service facilities, a maximum (行政办公及生活服务设施用地所占比重)
     * @param buildingCoefficient buildings, structures and open storage yards, a minimum (建筑系数)
     */
    public record IndustrialLand(Limit adminShare, Limit buildingCoefficient) {
    }

    /** The major class of the 2023 national land-use classification for industrial and mining land. */
    public static final String INDUSTRIAL_PREFIX = "10";

    /** True when {@code landUseCode} is industrial land (major class {@value #INDUSTRIAL_PREFIX}). */
    public static boolean isIndustrial(String landUseCode) {
        return landUseCode != null && landUseCode.startsWith(INDUSTRIAL_PREFIX);
    }

    /** The industrial-land limits, if the rule book sets them (the {@code industrialLand} section). */
    public Optional<IndustrialLand> industrialLand() {
        return Optional.ofNullable(industrialLand);
    }

    /**
     * Tolerances and distances of the geometric checks, EPSG:4548.
     *
     * @param overlapToleranceM2 overlaps below this area are ignored, m²
     * @param containmentToleranceMetres how far a site may stick out of the park or its zone, metres
     * @param roadAccessMaxDistanceMetres the largest distance from a road reserve that still gives frontage, metres
     * @param sliverMaxWidthMetres a leftover strip narrower than this is a sliver, metres
     * @param maxVertices vertex limit of a site
     * @param maxSiteAreaM2 area limit of a site, m²
     */
    public record Checks(double overlapToleranceM2, double containmentToleranceMetres,
            double roadAccessMaxDistanceMetres, double sliverMaxWidthMetres, int maxVertices, double maxSiteAreaM2,
            String source) {
    }

    public Checks checks() {
        return checks;
    }

    /** Building setbacks from road red lines by road class, metres. */
    public record RoadSetbacks(double arterialMetres, double secondaryMetres, double branchMetres, String source) {
    }

    /** Zone ids in rule book order. */
    public List<String> zoneIds() {
        return List.copyOf(zones.keySet());
    }

    public Optional<ZoneRules> zone(String id) {
        return Optional.ofNullable(zones.get(id));
    }

    public Map<String, ZoneRules> zones() {
        return zones;
    }

    public Map<String, LandUseCode> landUseCodes() {
        return landUseCodes;
    }

    public Optional<LandUseCode> landUse(String code) {
        return Optional.ofNullable(landUseCodes.get(code));
    }

    public RoadSetbacks roadSetbacks() {
        return roadSetbacks;
    }

    /** The human title of a source key, e.g. the standard's name and number. */
    public String sourceTitle(String key) {
        return sourceTitles.getOrDefault(key, key);
    }

    public static ZoningRuleBook load(InputStream in, String fileName) {
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(reader, fileName);
        } catch (IOException e) {
            throw new RuleBookException(fileName + ": cannot be read: " + e.getMessage(), e);
        }
    }

    static ZoningRuleBook parse(Reader reader, String fileName) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new RuleBookException(fileName + " line " + line + ": " + e.getProblem());
        }
        Parser parser = new Parser(fileName);
        if (root == null) {
            throw new RuleBookException(fileName + ": the rule book is empty");
        }
        return parser.book(root);
    }

    /** Walks the YAML node tree so that every error can name its line. */
    private static final class Parser {
        private final String fileName;
        private Map<String, String> sources = Map.of();
        private Map<String, LandUseCode> codes = Map.of();

        Parser(String fileName) {
            this.fileName = fileName;
        }

        ZoningRuleBook book(Node root) {
            Map<String, Node> top = mapping(root, "the rule book", List.of("version", "sources", "landUseCodes",
                    "roadSetbacks", "checks", "industrialLand", "zones"));
            double version = number(require(top, "version", root), "version");
            if (version != 1) {
                throw error(top.get("version"), "unsupported rule book version " + version + " (expected 1)");
            }
            sources = parseSources(require(top, "sources", root));
            codes = parseCodes(require(top, "landUseCodes", root));
            RoadSetbacks setbacks = parseSetbacks(require(top, "roadSetbacks", root));
            Checks checks = parseChecks(require(top, "checks", root));
            IndustrialLand industrial = top.containsKey("industrialLand")
                    ? parseIndustrialLand(top.get("industrialLand")) : null;
            Map<String, ZoneRules> zones = new LinkedHashMap<>();
            Node zonesNode = require(top, "zones", root);
            for (Map.Entry<String, Node> zone : mapping(zonesNode, "zones", null).entrySet()) {
                zones.put(zone.getKey(), parseZone(zone.getKey(), zone.getValue()));
            }
            if (zones.isEmpty()) {
                throw error(zonesNode, "no zones defined");
            }
            return new ZoningRuleBook(sources, codes, setbacks, checks, zones, industrial);
        }

        private Map<String, String> parseSources(Node node) {
            Map<String, String> result = new LinkedHashMap<>();
            for (Map.Entry<String, Node> entry : mapping(node, "sources", null).entrySet()) {
                Map<String, Node> source = mapping(entry.getValue(), "source " + entry.getKey(), List.of("title", "note"));
                result.put(entry.getKey(), string(require(source, "title", entry.getValue()), "title"));
            }
            return result;
        }

        private Map<String, LandUseCode> parseCodes(Node node) {
            Map<String, LandUseCode> result = new LinkedHashMap<>();
            for (Map.Entry<String, Node> entry : mapping(node, "landUseCodes", null).entrySet()) {
                String code = entry.getKey();
                if (!code.matches("\\d{4}|\\d{6}")) {
                    throw error(entry.getValue(), "land-use code \"" + code + "\" is not a 4- or 6-digit code (quote it)");
                }
                Map<String, Node> names = mapping(entry.getValue(), "land-use code " + code, List.of("nameEn", "nameZh"));
                result.put(code, new LandUseCode(code, string(require(names, "nameEn", entry.getValue()), "nameEn"),
                        string(require(names, "nameZh", entry.getValue()), "nameZh")));
            }
            return result;
        }

        private RoadSetbacks parseSetbacks(Node node) {
            Map<String, Node> map = mapping(node, "roadSetbacks",
                    List.of("source", "arterialMetres", "secondaryMetres", "branchMetres"));
            return new RoadSetbacks(nonNegative(require(map, "arterialMetres", node), "arterialMetres"),
                    nonNegative(require(map, "secondaryMetres", node), "secondaryMetres"),
                    nonNegative(require(map, "branchMetres", node), "branchMetres"),
                    sourceKey(require(map, "source", node)));
        }

        private Checks parseChecks(Node node) {
            Map<String, Node> map = mapping(node, "checks", List.of("source", "overlapToleranceM2",
                    "containmentToleranceMetres", "roadAccessMaxDistanceMetres", "sliverMaxWidthMetres", "maxVertices",
                    "maxSiteAreaM2"));
            double maxVertices = nonNegative(require(map, "maxVertices", node), "maxVertices");
            if (maxVertices < 4 || maxVertices != Math.rint(maxVertices)) {
                throw error(map.get("maxVertices"), "maxVertices must be a whole number of at least 4");
            }
            return new Checks(nonNegative(require(map, "overlapToleranceM2", node), "overlapToleranceM2"),
                    nonNegative(require(map, "containmentToleranceMetres", node), "containmentToleranceMetres"),
                    nonNegative(require(map, "roadAccessMaxDistanceMetres", node), "roadAccessMaxDistanceMetres"),
                    nonNegative(require(map, "sliverMaxWidthMetres", node), "sliverMaxWidthMetres"),
                    (int) maxVertices, nonNegative(require(map, "maxSiteAreaM2", node), "maxSiteAreaM2"),
                    sourceKey(require(map, "source", node)));
        }

        private IndustrialLand parseIndustrialLand(Node node) {
            Map<String, Node> map = mapping(node, "industrialLand", List.of("adminShare", "buildingCoefficient"));
            Limit adminShare = fraction(limit(require(map, "adminShare", node), "adminShare", false, true),
                    map.get("adminShare"));
            Limit coefficient = fraction(limit(require(map, "buildingCoefficient", node), "buildingCoefficient", true,
                    false), map.get("buildingCoefficient"));
            return new IndustrialLand(adminShare, coefficient);
        }

        private ZoneRules parseZone(String id, Node node) {
            if (!id.matches("[a-z][a-z-]*")) {
                throw error(node, "zone id \"" + id + "\" must be lower-case words joined by '-'");
            }
            Map<String, Node> map = mapping(node, "zone " + id, List.of("nameEn", "nameZh", "category", "allocatable",
                    "permittedLandUses", "parcelAreaM2", "far", "coverage", "greenRatio", "heightMaxMetres", "budget",
                    "pledges"));
            String categoryName = string(require(map, "category", node), "category");
            ZoneCategory category = ZoneCategory.fromWireName(categoryName);
            if (category == null) {
                throw error(map.get("category"), "unknown category \"" + categoryName
                        + "\" (facility, enterprise or infrastructure)");
            }
            boolean allocatable = bool(require(map, "allocatable", node), "allocatable");
            List<String> landUses = new ArrayList<>();
            Node landUseNode = require(map, "permittedLandUses", node);
            if (!(landUseNode instanceof SequenceNode sequence)) {
                throw error(landUseNode, "permittedLandUses must be a list of codes");
            }
            for (Node item : sequence.getValue()) {
                String code = string(item, "land-use code");
                if (!codes.containsKey(code)) {
                    throw error(item, "land-use code \"" + code + "\" is not listed under landUseCodes");
                }
                landUses.add(code);
            }
            Limit area = null;
            Limit far = null;
            Limit coverage = null;
            Limit green = null;
            Limit height = null;
            if (allocatable) {
                area = limit(require(map, "parcelAreaM2", node), "parcelAreaM2", true, true);
                far = limit(require(map, "far", node), "far", true, true);
                coverage = fraction(limit(require(map, "coverage", node), "coverage", true, true), map.get("coverage"));
                green = fraction(limit(require(map, "greenRatio", node), "greenRatio", true, true), map.get("greenRatio"));
                height = limit(require(map, "heightMaxMetres", node), "heightMaxMetres", false, true);
            }
            Double budgetArea = null;
            Double budgetFloor = null;
            String budgetSource = null;
            if (map.containsKey("budget")) {
                Node budgetNode = map.get("budget");
                Map<String, Node> budget = mapping(budgetNode, "budget", List.of("areaHa", "floorAreaM2", "source"));
                budgetArea = nonNegative(require(budget, "areaHa", budgetNode), "areaHa");
                budgetFloor = nonNegative(require(budget, "floorAreaM2", budgetNode), "floorAreaM2");
                budgetSource = sourceKey(require(budget, "source", budgetNode));
            }
            ZoneRules.Pledges pledges = null;
            if (map.containsKey("pledges")) {
                Node pledgeNode = map.get("pledges");
                Map<String, Node> pledge = mapping(pledgeNode, "pledges",
                        List.of("investmentWanYuanPerMuMin", "taxWanYuanPerMuMin", "source"));
                pledges = new ZoneRules.Pledges(
                        nonNegative(require(pledge, "investmentWanYuanPerMuMin", pledgeNode), "investmentWanYuanPerMuMin"),
                        nonNegative(require(pledge, "taxWanYuanPerMuMin", pledgeNode), "taxWanYuanPerMuMin"),
                        sourceKey(require(pledge, "source", pledgeNode)));
            }
            return new ZoneRules(id, string(require(map, "nameEn", node), "nameEn"),
                    string(require(map, "nameZh", node), "nameZh"), category, allocatable, landUses, area, far,
                    coverage, green, height, budgetArea, budgetFloor, budgetSource, pledges);
        }

        private Limit limit(Node node, String name, boolean needsMin, boolean needsMax) {
            Map<String, Node> map = mapping(node, name, List.of("min", "max", "source"));
            Double min = map.containsKey("min") ? nonNegative(map.get("min"), name + ".min") : null;
            Double max = map.containsKey("max") ? nonNegative(map.get("max"), name + ".max") : null;
            if (needsMin && min == null) {
                throw error(node, name + " needs a min");
            }
            if (needsMax && max == null) {
                throw error(node, name + " needs a max");
            }
            if (min != null && max != null && min > max) {
                throw error(node, name + ": min " + min + " is above max " + max);
            }
            return new Limit(min, max, sourceKey(require(map, "source", node)));
        }

        private Limit fraction(Limit limit, Node node) {
            if ((limit.min() != null && limit.min() > 1) || (limit.max() != null && limit.max() > 1)) {
                throw error(node, "a ratio is a fraction between 0 and 1 (e.g. 0.4 for 40%)");
            }
            return limit;
        }

        private String sourceKey(Node node) {
            String key = string(node, "source");
            if (!sources.containsKey(key)) {
                throw error(node, "source \"" + key + "\" is not declared under sources");
            }
            return key;
        }

        private Map<String, Node> mapping(Node node, String what, List<String> allowedKeys) {
            if (!(node instanceof MappingNode mappingNode)) {
                throw error(node, what + " must be a mapping");
            }
            Map<String, Node> result = new LinkedHashMap<>();
            for (NodeTuple tuple : mappingNode.getValue()) {
                String key = string(tuple.getKeyNode(), "key");
                if (allowedKeys != null && !allowedKeys.contains(key)) {
                    throw error(tuple.getKeyNode(), "unknown key \"" + key + "\" in " + what + " (allowed: "
                            + String.join(", ", allowedKeys) + ")");
                }
                result.put(key, tuple.getValueNode());
            }
            return result;
        }

        private Node require(Map<String, Node> map, String key, Node parent) {
            Node node = map.get(key);
            if (node == null) {
                throw error(parent, "missing key \"" + key + "\"");
            }
            return node;
        }

        private String string(Node node, String what) {
            if (!(node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
                throw error(node, what + " must be a non-empty text");
            }
            return scalar.getValue();
        }

        private double number(Node node, String what) {
            String text = string(node, what);
            try {
                double value = Double.parseDouble(text);
                if (!Double.isFinite(value)) {
                    throw error(node, what + " must be a finite number, got \"" + text + "\"");
                }
                return value;
            } catch (NumberFormatException e) {
                throw error(node, what + " must be a number, got \"" + text + "\"");
            }
        }

        private double nonNegative(Node node, String what) {
            double value = number(node, what);
            if (value < 0) {
                throw error(node, what + " must not be negative, got " + value);
            }
            return value;
        }

        private boolean bool(Node node, String what) {
            String text = string(node, what);
            return switch (text) {
                case "true" -> true;
                case "false" -> false;
                default -> throw error(node, what + " must be true or false, got \"" + text + "\"");
            };
        }

        private RuleBookException error(Node node, String message) {
            int line = node == null ? 0 : node.getStartMark().getLine() + 1;
            return new RuleBookException(fileName + " line " + line + ": " + message);
        }
    }
}
