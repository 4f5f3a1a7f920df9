package dev.mobjectsync.model;

import java.io.Serializable;

/** An {@code mObjAssociation}: a Company, Lead or Opportunity, referenced by id or by external key. */
public record Association(String type, Integer id, KeyValue externalKey) implements Serializable {
}
