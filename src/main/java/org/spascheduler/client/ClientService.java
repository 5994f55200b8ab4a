package org.spascheduler.client;

import org.jspecify.annotations.Nullable;
import org.spascheduler.therapist.TherapistRepository;
import org.spascheduler.web.Crud;
import org.spascheduler.web.NotFoundException;
import org.spascheduler.web.PageJson;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and writes clients; each write checks the data rules first and happens whole or not at all. */
@Service
@Transactional
class ClientService {

    private final ClientRepository clients;
    private final TherapistRepository therapists;

    ClientService(ClientRepository clients, TherapistRepository therapists) {
        this.clients = clients;
        this.therapists = therapists;
    }

    @Transactional(readOnly = true)
    PageJson<ClientJson> list(Pageable page) {
        return PageJson.of(clients.findAll(page), ClientJson::from);
    }

    @Transactional(readOnly = true)
    ClientJson get(String id) {
        return ClientJson.from(find(id));
    }

    ClientJson create(ClientJson json) {
        var client = json.toStored(Crud.idForCreate(json.id(), "client"), null);
        Crud.requirePossible(ClientRules.check(client, "", this::therapistExists));
        if (clients.existsById(client.id())) {
            throw Crud.alreadyExists("client", client.id(), ClientController.PATH + "/" + client.id());
        }
        return ClientJson.from(clients.save(client));
    }

    ClientJson update(String id, ClientJson json) {
        var version = Crud.requireUpdatable(id, json.id(), json.version());
        Crud.requireCurrent(version, find(id).version());
        var client = json.toStored(id, version);
        Crud.requirePossible(ClientRules.check(client, "", this::therapistExists));
        return ClientJson.from(clients.save(client));
    }

    /** Refused (409, nothing deleted) while a care plan or appointment refers to them. */
    void delete(String id, @Nullable Integer version) {
        Crud.requireCurrent(version, find(id).version());
        Crud.deleteUnlessReferenced("client", id, "care plans or appointments", () -> clients.deleteById(id));
    }

    private boolean therapistExists(String id) {
        return Crud.isId(id) && therapists.existsById(id);
    }

    private StoredClient find(String id) {
        if (!Crud.isId(id)) {
            throw new NotFoundException("client", "id", id);
        }
        return clients.findById(id).orElseThrow(() -> new NotFoundException("client", "id", id));
    }
}
