package dev.mobjectsync.marketo;

import java.util.List;
import java.util.Map;

import org.apache.camel.Handler;

import com.marketo.mktows.ArrayOfAttrib;
import com.marketo.mktows.ArrayOfMObjAssociation;
import com.marketo.mktows.ArrayOfMObject;
import com.marketo.mktows.ArrayOfTypeAttrib;
import com.marketo.mktows.Attrib;
import com.marketo.mktows.MObjAssociation;
import com.marketo.mktows.MObject;
import com.marketo.mktows.ParamsSyncMObjects;
import com.marketo.mktows.SyncOperationEnum;
import com.marketo.mktows.TypeAttrib;

import dev.mobjectsync.model.Association;
import dev.mobjectsync.model.Batch;
import dev.mobjectsync.model.KeyValue;
import dev.mobjectsync.model.SyncRecord;
import dev.mobjectsync.model.TypeAttribute;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** Maps a {@link Batch} to {@code paramsSyncMObjects}, one {@code mObject} per record, in batch order. */
@ApplicationScoped
@Named("syncRequestBuilder")
public class SyncRequestBuilder {

    @Handler
    public ParamsSyncMObjects build(Batch batch) {
        ArrayOfMObject list = new ArrayOfMObject();
        for (SyncRecord record : batch.records()) {
            list.getMObject().add(mObject(record));
        }
        ParamsSyncMObjects params = new ParamsSyncMObjects();
        params.setMObjectList(list);
        params.setOperation(SyncOperationEnum.fromValue(batch.operation()));
        return params;
    }

    static MObject mObject(SyncRecord record) {
        MObject object = new MObject();
        object.setType(record.type());
        object.setId(record.id());
        object.setExternalKey(attrib(record.externalKey()));
        if (!record.attributes().isEmpty()) {
            object.setAttribList(attribs(record.attributes()));
        }
        if (!record.typeAttributes().isEmpty()) {
            ArrayOfTypeAttrib typeAttribs = new ArrayOfTypeAttrib();
            for (TypeAttribute typeAttribute : record.typeAttributes()) {
                TypeAttrib typeAttrib = new TypeAttrib();
                typeAttrib.setAttrType(typeAttribute.attrType());
                typeAttrib.setAttrList(attribs(typeAttribute.attributes()));
                typeAttribs.getTypeAttrib().add(typeAttrib);
            }
            object.setTypeAttribList(typeAttribs);
        }
        if (!record.associations().isEmpty()) {
            object.setAssociationList(associations(record.associations()));
        }
        return object;
    }

    private static ArrayOfMObjAssociation associations(List<Association> associations) {
        ArrayOfMObjAssociation list = new ArrayOfMObjAssociation();
        for (Association association : associations) {
            MObjAssociation mObjAssociation = new MObjAssociation();
            mObjAssociation.setMObjType(association.type());
            mObjAssociation.setId(association.id());
            mObjAssociation.setExternalKey(attrib(association.externalKey()));
            list.getMObjAssociation().add(mObjAssociation);
        }
        return list;
    }

    private static ArrayOfAttrib attribs(Map<String, String> values) {
        ArrayOfAttrib list = new ArrayOfAttrib();
        values.forEach((name, value) -> list.getAttrib().add(attrib(new KeyValue(name, value))));
        return list;
    }

    private static Attrib attrib(KeyValue pair) {
        if (pair == null) {
            return null;
        }
        Attrib attrib = new Attrib();
        attrib.setName(pair.name());
        attrib.setValue(pair.value());
        return attrib;
    }
}
