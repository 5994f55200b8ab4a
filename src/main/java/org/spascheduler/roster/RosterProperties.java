package org.spascheduler.roster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param storeInterval how often, at most, a solving job writes its best roster so far to the database */
@ConfigurationProperties("spa.roster")
public record RosterProperties(@DefaultValue("2s") Duration storeInterval) {
}
