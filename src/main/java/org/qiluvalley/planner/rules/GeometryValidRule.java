package org.qiluvalley.planner.rules;

import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.qiluvalley.planner.geo.CrsTransform;

/**
 * {@code geometry.valid}: the site is one non-empty, valid polygon within the vertex and area limits. The finding
 * carries JTS's reason and the location of the defect (e.g. the self-intersection point of a bow-tie).
 */
final class GeometryValidRule implements Rule {

    static final String ID = "geometry.valid";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean needsValidGeometry() {
        return false;
    }

    @Override
    public List<Finding> check(Check check) {
        Geometry site = check.candidate().planar();
        ZoningRuleBook.Checks limits = check.checks();
        String source = check.source(limits.source());
        if (site == null || site.isEmpty()) {
            return List.of(Finding.error(ID, "The site has no outline.", "地块没有边界。", null, null, "", source,
                    List.of(), null));
        }
        if (!(site instanceof Polygon)) {
            return List.of(Finding.error(ID, "The site must be one polygon, not a " + site.getGeometryType() + ".",
                    "地块必须是单个多边形，而不是 " + site.getGeometryType() + "。", null, null, "", source, List.of(), site));
        }
        // Distinct vertices: JTS counts each ring's closing point again.
        int vertices = site.getNumPoints() - 1 - ((Polygon) site).getNumInteriorRing();
        if (vertices > limits.maxVertices()) {
            return List.of(Finding.error(ID, "The outline has " + vertices + " vertices; at most " + limits.maxVertices()
                    + " are accepted.", "边界有 " + vertices + " 个顶点，最多允许 " + limits.maxVertices() + " 个。",
                    (double) vertices, (double) limits.maxVertices(), "vertices", source, List.of(), null));
        }
        TopologyValidationError error = new IsValidOp(site).getValidationError();
        if (error != null) {
            Coordinate at = error.getCoordinate();
            Geometry where = at == null ? site : CrsTransform.PLANAR.createPoint(at);
            return List.of(Finding.error(ID, "The outline is not a valid polygon: " + error.getMessage() + " at ("
                    + Check.format(at == null ? 0 : at.x) + ", " + Check.format(at == null ? 0 : at.y) + ").",
                    "边界不是有效的多边形：" + error.getMessage() + "。", null, null, "", source, List.of(), where));
        }
        double area = site.getArea();
        if (area <= 0) {
            return List.of(Finding.error(ID, "The site has no area.", "地块面积为零。", 0.0, null, "m²", source, List.of(),
                    site));
        }
        if (area > limits.maxSiteAreaM2()) {
            return List.of(Finding.error(ID, "The site covers " + Check.areaEn(area) + ", more than the "
                    + Check.areaEn(limits.maxSiteAreaM2()) + " a single site may cover.",
                    "地块面积 " + Check.areaZh(area) + "，超过单个地块上限 " + Check.areaZh(limits.maxSiteAreaM2())
                            + "。", area, limits.maxSiteAreaM2(), "m²", source, List.of(), site));
        }
        return List.of();
    }
}
