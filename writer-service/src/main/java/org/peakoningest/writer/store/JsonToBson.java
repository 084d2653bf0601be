package org.peakoningest.writer.store;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Decimal128;
import tools.jackson.databind.JsonNode;

/**
 * Converts a raw JSON item into BSON values the way the Python version (json + pymongo) stored them: whole numbers
 * as int32 when they fit, else int64; fractions as double; members in their original order.
 */
final class JsonToBson {

    private JsonToBson() {
    }

    static Document document(JsonNode object) {
        Document document = new Document();
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            document.append(member.getKey(), value(member.getValue()));
        }
        return document;
    }

    static Object value(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            return document(node);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (JsonNode element : node) {
                list.add(value(element));
            }
            return list;
        }
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            if (node.canConvertToInt()) {
                return node.intValue();
            }
            if (node.canConvertToLong()) {
                return node.longValue();
            }
            // Beyond 64 bits pymongo would refuse; Decimal128 keeps the value exactly.
            return new Decimal128(new BigDecimal(node.bigIntegerValue()));
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.asString();
    }
}
