package dev.mobjectsync.simulator;

import java.time.Clock;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Handler;
import org.apache.camel.component.cxf.common.message.CxfConstants;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.message.MessageContentsList;

import com.marketo.mktows.ArrayOfMObjStatus;
import com.marketo.mktows.AuthenticationHeaderInfo;
import com.marketo.mktows.MObject;
import com.marketo.mktows.ParamsGetMObjects;
import com.marketo.mktows.ParamsSyncMObjects;
import com.marketo.mktows.ResultSyncMObjects;
import com.marketo.mktows.SuccessGetMObjects;
import com.marketo.mktows.SuccessSyncMObjects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * Answers the simulator's SOAP calls: checks the signature, enforces Marketo's limits and any injected
 * faults ({@link FaultInjector}), enforces Marketo's request rules, applies the call to
 * {@link SimulatorState} and logs it in the {@link CallLog}.
 */
@ApplicationScoped
@Named("marketoSimulatorService")
public class SimulatorService {

    private final SimulatorState state;
    private final SignatureCheck signatureCheck;
    private final CallLog callLog;
    private final FaultInjector faults;
    private final Clock clock;

    /** Marketo accepts at most this many MObjects in one syncMObjects call (MARKETO.md). */
    static final int MAX_OBJECTS = 100;

    public SimulatorService(SimulatorConfig config, SimulatorState state, CallLog callLog, FaultInjector faults,
            Clock clock) {
        this.state = state;
        this.signatureCheck = new SignatureCheck(config.userId(), config.secretKey().bytes(), config
                .timestampTolerance());
        this.callLog = callLog;
        this.faults = faults;
        this.clock = clock;
    }

    @Handler
    public Object answer(Exchange exchange) {
        String operation = exchange.getMessage().getHeader(CxfConstants.OPERATION_NAME, String.class);
        List<?> parts = exchange.getMessage().getBody(MessageContentsList.class);
        Object params = parts.get(0);
        AuthenticationHeaderInfo header = parts.size() > 1 ? (AuthenticationHeaderInfo) parts.get(1) : null;
        int objects = params instanceof ParamsSyncMObjects sync && sync.getMObjectList() != null
                ? sync.getMObjectList().getMObject().size() : 0;
        String syncOperation = params instanceof ParamsSyncMObjects sync && sync.getOperation() != null
                ? sync.getOperation().value() : null;
        // a write call touches its objects from its arrival until its answer, injected latency included
        InFlight call = !"syncMObjects".equals(operation) ? null
                : state.enter(params instanceof ParamsSyncMObjects sync && sync.getMObjectList() != null
                        ? sync.getMObjectList().getMObject() : List.of());
        boolean overlapping = call != null && call.overlapping();
        try {
            signatureCheck.verify(header, clock.instant());
            faults.enter();
            try {
                Object answer = switch (operation) {
                    case "syncMObjects" -> sync((ParamsSyncMObjects) params, call);
                    case "getMObjects" -> get((ParamsGetMObjects) params);
                    default -> throw MarketoFaults.fault("20019", "Unsupported Operation", operation
                            + " is not simulated");
                };
                callLog.add(new CallLog.Call(clock.instant(), operation, syncOperation, objects, null, overlapping));
                return new MessageContentsList(answer);
            } finally {
                faults.exit();
            }
        } catch (SoapFault fault) {
            callLog.add(new CallLog.Call(clock.instant(), operation, syncOperation, objects,
                    MarketoFaults.codeOf(fault), overlapping));
            throw fault;
        } finally {
            if (call != null) {
                call.close();
            }
        }
    }

    private SuccessSyncMObjects sync(ParamsSyncMObjects params, InFlight call) {
        if (params.getOperation() == null || params.getMObjectList() == null) {
            throw MarketoFaults.fault(MarketoFaults.INVALID_REQUEST, "Invalid Request",
                    "paramsSyncMObjects needs mObjectList and operation");
        }
        List<MObject> objects = params.getMObjectList().getMObject();
        if (objects.size() > MAX_OBJECTS) {
            throw MarketoFaults.fault(MarketoFaults.BAD_PARAMETER, "Bad Parameter", "mObjectList holds "
                    + objects.size() + " objects; syncMObjects accepts at most " + MAX_OBJECTS);
        }
        faults.refusePoison(objects);
        ArrayOfMObjStatus statuses = new ArrayOfMObjStatus();
        statuses.getMObjStatus().addAll(state.sync(params.getOperation(), objects, call));
        ResultSyncMObjects result = new ResultSyncMObjects();
        result.setMObjStatusList(statuses);
        SuccessSyncMObjects success = new SuccessSyncMObjects();
        success.setResult(result);
        return success;
    }

    private SuccessGetMObjects get(ParamsGetMObjects params) {
        SuccessGetMObjects success = new SuccessGetMObjects();
        success.setResult(state.get(params));
        return success;
    }
}
