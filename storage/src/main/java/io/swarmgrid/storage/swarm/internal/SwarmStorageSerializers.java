package io.swarmgrid.storage.swarm.internal;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/**
 * The {@link DataSerializableFactory} of the swarm feature's storage processors (factory id {@value
 * #FACTORY_ID}); registered on members and clients by {@code SwarmSerialization}.
 */
public final class SwarmStorageSerializers implements DataSerializableFactory {
  /** Factory id of the swarm storage processors (16: issue 16; 00: storage). */
  public static final int FACTORY_ID = 1600;

  static final int DEPOSIT = 1;
  static final int FILL = 2;
  static final int CREATE = 3;
  static final int OFFER_TOUR = 4;
  static final int RESET_IF_STAGNANT = 5;
  static final int OFFER_POSITION = 6;
  static final int PROPOSE_ADOPTION = 7;
  static final int SETTLE_ADOPTION = 8;

  @Override
  public IdentifiedDataSerializable create(int typeId) {
    return switch (typeId) {
      case DEPOSIT -> new DepositProcessor();
      case FILL -> new FillProcessor();
      case CREATE -> new CreateTrailProcessor();
      case OFFER_TOUR -> new OfferTourProcessor();
      case RESET_IF_STAGNANT -> new ResetIfStagnantProcessor();
      case OFFER_POSITION -> new OfferPositionProcessor();
      case PROPOSE_ADOPTION -> new ProposeAdoptionProcessor();
      case SETTLE_ADOPTION -> new SettleAdoptionProcessor();
      default -> null;
    };
  }
}
