package dev.mobjectsync.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.marketo.mktows.ArrayOfAttrib;
import com.marketo.mktows.Attrib;
import com.marketo.mktows.MObjAssociation;
import com.marketo.mktows.MObjStatus;
import com.marketo.mktows.MObjStatusEnum;
import com.marketo.mktows.MObject;
import com.marketo.mktows.TypeAttrib;

/** Small reads and writes of the generated mktows types that the simulator's state uses everywhere. */
final class MObjects {

    private MObjects() {
    }

    static ArrayOfAttrib attribs(Map<String, String> values) {
        ArrayOfAttrib list = new ArrayOfAttrib();
        values.forEach((name, value) -> {
            Attrib attrib = new Attrib();
            attrib.setName(name);
            attrib.setValue(value);
            list.getAttrib().add(attrib);
        });
        return list;
    }

    static Map<String, String> values(ArrayOfAttrib list) {
        Map<String, String> values = new LinkedHashMap<>();
        if (list != null) {
            list.getAttrib().forEach(a -> values.put(a.getName(), a.getValue()));
        }
        return values;
    }

    static TypeAttrib typeAttrib(String attrType, Map<String, String> values) {
        TypeAttrib typeAttrib = new TypeAttrib();
        typeAttrib.setAttrType(attrType);
        typeAttrib.setAttrList(attribs(values));
        return typeAttrib;
    }

    static List<TypeAttrib> typeAttribs(MObject object) {
        return object.getTypeAttribList() == null ? List.of() : object.getTypeAttribList().getTypeAttrib();
    }

    static List<MObjAssociation> associations(MObject object) {
        return object.getAssociationList() == null ? List.of() : object.getAssociationList().getMObjAssociation();
    }

    static MObjStatus status(Integer id, Attrib externalKey, MObjStatusEnum status, String error) {
        MObjStatus result = new MObjStatus();
        result.setId(id);
        result.setExternalKey(externalKey);
        result.setStatus(status);
        result.setError(error);
        return result;
    }

    static String key(Attrib attrib) {
        return attrib.getName() + "=" + attrib.getValue();
    }

    static String describe(MObjAssociation association) {
        return association.getMObjType() + ":" + (association.getId() != null ? association.getId()
                : association.getExternalKey() == null ? "?" : key(association.getExternalKey()));
    }

    static String describeKey(MObject object) {
        return object.getId() != null ? "with id " + object.getId()
                : object.getExternalKey() != null ? key(object.getExternalKey()) : "without key";
    }

    static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    static Integer parseInt(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
