package dev.mobjectsync.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;

/** What a REST handler of the simulator answers: the result array, the sync operation and how many objects the call carried. */
record RestAnswer(ArrayNode result, String syncOperation, int objects) {
}
