/**
 * Documented example requests and responses of Bandwidth's Numbers API and Voice v1 API, written out as wire facts.
 * Each fixture names the document it comes from. Only whitespace differs from the documents (the API reference
 * pretty-prints every value on its own line; here values sit inline).
 */

// Source: Bandwidth guide "Search And Order Phone Numbers by Polling", section "Example: Search by NPA NXX"
// (GET /accounts/{accountId}/availableNumbers?npaNxx=540551&quantity=10, 200 OK).
export const AVAILABLE_NUMBERS_RESPONSE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<SearchResult>
    <ResultCount>7</ResultCount>
    <TelephoneNumberList>
        <TelephoneNumber>5405514342</TelephoneNumber>
        <TelephoneNumber>5405515330</TelephoneNumber>
        <TelephoneNumber>5405515329</TelephoneNumber>
        <TelephoneNumber>5402278098</TelephoneNumber>
        <TelephoneNumber>5402270905</TelephoneNumber>
        <TelephoneNumber>5402278089</TelephoneNumber>
        <TelephoneNumber>5402278090</TelephoneNumber>
    </TelephoneNumberList>
</SearchResult>`;

// Source: Bandwidth guide "Search And Order Phone Numbers by Polling", section "Example: Search AND Order 1 Number in
// Area Code" (POST /accounts/{accountId}/orders, request body).
export const ORDER_CREATE_REQUEST = `<Order>
    <AreaCodeSearchAndOrderType>
        <AreaCode>910</AreaCode>
        <Quantity>1</Quantity>
    </AreaCodeSearchAndOrderType>
    <SiteId>461</SiteId>
</Order>`;

// Source: the same guide and section, the 201 Created answer (its Location ends in the order id).
export const ORDER_CREATE_RESPONSE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<OrderResponse>
    <Order>
        <OrderCreateDate>2018-01-23T19:56:29.678Z</OrderCreateDate>
        <BackOrderRequested>false</BackOrderRequested>
        <id>47955555-67aa-4adb-8c0f-b6894e60c0dc</id>
        <AreaCodeSearchAndOrderType>
            <AreaCode>910</AreaCode>
            <Quantity>1</Quantity>
        </AreaCodeSearchAndOrderType>
        <PartialAllowed>true</PartialAllowed>
        <SiteId>461</SiteId>
    </Order>
    <OrderStatus>RECEIVED</OrderStatus>
</OrderResponse>`;

// Source: Bandwidth guide "Search And Order Phone Numbers by Polling", section "Example: Fetch Order Information"
// (GET /accounts/{accountId}/orders/{orderId}, 200 OK, a COMPLETE order).
export const ORDER_GET_COMPLETE_RESPONSE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<OrderResponse>
    <CompletedQuantity>1</CompletedQuantity>
    <CreatedByUser>jbm</CreatedByUser>
    <LastModifiedDate>2018-01-23T19:56:29.782Z</LastModifiedDate>
    <OrderCompleteDate>2018-01-23T19:56:29.782Z</OrderCompleteDate>
    <Order>
        <OrderCreateDate>2018-01-23T19:56:29.678Z</OrderCreateDate>
        <PeerId>651681</PeerId>
        <BackOrderRequested>false</BackOrderRequested>
        <AreaCodeSearchAndOrderType>
            <AreaCode>910</AreaCode>
            <Quantity>1</Quantity>
        </AreaCodeSearchAndOrderType>
        <PartialAllowed>true</PartialAllowed>
        <SiteId>24717</SiteId>
    </Order>
    <OrderStatus>COMPLETE</OrderStatus>
    <CompletedNumbers>
        <TelephoneNumber>
            <FullNumber>9102414365</FullNumber>
        </TelephoneNumber>
    </CompletedNumbers>
    <Summary>1 number ordered in (910)</Summary>
    <FailedQuantity>0</FailedQuantity>
</OrderResponse>`;

// Source: Bandwidth's Numbers API reference, GET /accounts/{accountId}/orders example (rows of ListOrderIdUserIdDate
// under ResponseSelectWrapper, cursor Links), with the row fields of a Bandwidth Numbers (Iris) SDK's orders-list
// test fixture (CustomerOrderId, userId, OrderType new_number); the second row's COMPLETE status and one TN follow
// the API reference's example row.
export const ORDERS_LIST_RESPONSE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<ResponseSelectWrapper>
    <ListOrderIdUserIdDate>
        <TotalCount>2</TotalCount>
        <Links>
            <first>&lt;https://dashboard.bandwidth.com/api/accounts/9900012/orders?page=1&amp;size=2&gt;;rel="first";</first>
        </Links>
        <OrderIdUserIdDate>
            <CountOfTNs>0</CountOfTNs>
            <CustomerOrderId>123456789</CustomerOrderId>
            <userId>byo_dev</userId>
            <lastModifiedDate>2015-06-13T16:14:46.017Z</lastModifiedDate>
            <OrderDate>2015-06-13T16:14:45.956Z</OrderDate>
            <OrderType>new_number</OrderType>
            <orderId>016c1aef-a873-4a90-8374-60771cba9452</orderId>
            <OrderStatus>FAILED</OrderStatus>
        </OrderIdUserIdDate>
        <OrderIdUserIdDate>
            <CountOfTNs>1</CountOfTNs>
            <CustomerOrderId>123456789</CustomerOrderId>
            <userId>byo_dev</userId>
            <lastModifiedDate>2015-06-13T16:32:04.216Z</lastModifiedDate>
            <OrderDate>2015-06-13T16:32:04.181Z</OrderDate>
            <OrderType>new_number</OrderType>
            <orderId>77659f47-d527-42ad-bf72-34b6841016ac</orderId>
            <OrderStatus>COMPLETE</OrderStatus>
        </OrderIdUserIdDate>
    </ListOrderIdUserIdDate>
</ResponseSelectWrapper>`;

// Source: Bandwidth guide "Search And Order Phone Numbers by Polling", section "Example: Create a disconnect request
// for 2 Phone Numbers" (POST /accounts/{accountId}/disconnects, request body).
export const DISCONNECT_CREATE_REQUEST = `<?xml version="1.0"?>
<DisconnectTelephoneNumberOrder>
    <name>training run</name>
    <DisconnectTelephoneNumberOrderType>
        <TelephoneNumberList>
            <TelephoneNumber>5405514342</TelephoneNumber>
            <TelephoneNumber>7034343704</TelephoneNumber>
        </TelephoneNumberList>
    </DisconnectTelephoneNumberOrderType>
</DisconnectTelephoneNumberOrder>`;

// Source: the same guide and section, the 201 Created answer.
export const DISCONNECT_CREATE_RESPONSE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<DisconnectTelephoneNumberOrderResponse>
    <orderRequest>
        <OrderCreateDate>2018-01-23T21:00:23.802Z</OrderCreateDate>
        <id>df2gc2e2-653d-466c-945d-8f292f09ce55</id>
        <DisconnectTelephoneNumberOrderType>
            <TelephoneNumberList>
                <TelephoneNumber>5405514342</TelephoneNumber>
                <TelephoneNumber>7034343704</TelephoneNumber>
            </TelephoneNumberList>
            <DisconnectMode>normal</DisconnectMode>
        </DisconnectTelephoneNumberOrderType>
    </orderRequest>
    <OrderStatus>RECEIVED</OrderStatus>
</DisconnectTelephoneNumberOrderResponse>`;

// Source: Bandwidth guide "Search And Order Phone Numbers by Polling", section "Example: Fetch Disconnect Information"
// (GET /accounts/{accountId}/disconnects/{disconnectId}, 200 OK); the guide "Phone Number Disconnect" shows the same.
export const DISCONNECT_GET_COMPLETE_RESPONSE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<DisconnectTelephoneNumberOrderResponse>
    <DisconnectedTelephoneNumberList>
        <TelephoneNumber>5405514342</TelephoneNumber>
        <TelephoneNumber>7034343704</TelephoneNumber>
    </DisconnectedTelephoneNumberList>
    <ErrorList/>
    <orderRequest>
        <OrderCreateDate>2015-01-20T21:05:58.026Z</OrderCreateDate>
        <id>df2gc2e2-653d-466c-945d-8f292f09ce55</id>
        <DisconnectTelephoneNumberOrderType>
            <TelephoneNumberList>
                <TelephoneNumber>7034343704</TelephoneNumber>
                <TelephoneNumber>5405514342</TelephoneNumber>
            </TelephoneNumberList>
            <DisconnectMode>normal</DisconnectMode>
        </DisconnectTelephoneNumberOrderType>
    </orderRequest>
    <OrderStatus>COMPLETE</OrderStatus>
</DisconnectTelephoneNumberOrderResponse>`;

// Source: Bandwidth Numbers (Iris) SDKs' test fixture for GET /tns/{tn} (the Python and PHP SDKs carry the same
// body): the number's status and the order that last touched it.
export const TN_GET_RESPONSE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<TelephoneNumberResponse>
    <TelephoneNumber>7576768750</TelephoneNumber>
    <Status>PortInPendingFoc</Status>
    <LastModifiedDate>2015-06-03T15:10:13.000Z</LastModifiedDate>
    <OrderCreateDate>2015-06-03T15:10:12.808Z</OrderCreateDate>
    <OrderId>98939562-90b0-40e9-8335-5526432d9741</OrderId>
    <OrderType>PORT_NUMBER_ORDER</OrderType>
    <SiteId>2297</SiteId>
    <AccountId>9500249</AccountId>
</TelephoneNumberResponse>`;

// Source: Bandwidth guide "Hybrid - Delete and Disconnect a Phone Number", section "Find Number-id"
// (GET /v1/users/{userId}/phoneNumbers/+18283334444, 200 OK, JSON).
export const V1_PHONE_NUMBER_RESPONSE = {
  application: "https://api.catapult.inetwork.com/v1/users/u-user/applications/a-asdf",
  id: "n-alghk4678lkghsdf",
  applicationId: "a-asdf",
  number: "+19192302749",
  nationalNumber: "(919) 230-2749",
  name: "+19197258959",
  createdTime: "2018-04-23T18:22:38Z",
  city: "CARY",
  state: "NC",
  price: "0.35",
  numberState: "enabled",
} as const;

// Source: a Bandwidth Numbers (Iris) SDK's test fixture for GET /accounts/{accountId}/disconnects/{id} answered FAILED
// (the Java SDK's disconnect-with-errors XML): error 5006, the number is not associated with the account.
export const DISCONNECT_GET_FAILED_RESPONSE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<DisconnectTelephoneNumberOrderResponse>
    <ErrorList>
        <Error>
            <Code>5006</Code>
            <Description>The telephone number 2055551212 could not be disconnected since it is not associated with your account</Description>
            <TelephoneNumber>2055551212</TelephoneNumber>
        </Error>
    </ErrorList>
    <orderRequest>
        <Name>Disconnect</Name>
        <OrderCreateDate>2014-10-17T15:02:46.077Z</OrderCreateDate>
        <id>disconnectId</id>
        <DisconnectTelephoneNumberOrderType>
            <TelephoneNumberList>
                <TelephoneNumber>2055551212</TelephoneNumber>
            </TelephoneNumberList>
            <DisconnectMode>normal</DisconnectMode>
        </DisconnectTelephoneNumberOrderType>
    </orderRequest>
    <OrderStatus>FAILED</OrderStatus>
</DisconnectTelephoneNumberOrderResponse>`;

// Source: Bandwidth/api-docs `site/specs/numbers.yml`, operation UpdateOrder (PUT
// /accounts/{accountId}/orders/{orderId}), the request example, verbatim.
export const ORDER_UPDATE_REQUEST = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Order>
    <Name>Available Telephone Number order</Name>    
    <CustomerOrderId>123456789</CustomerOrderId>
<!-- Only alphanumeric values, dashes and spaces are allowed. Max length is 40 characters. -->
    <CloseOrder>true</CloseOrder>
</Order>`;

// Source: Bandwidth/api-docs `site/specs/numbers.yml`, operation UpdateOrder, the 200 example: "The payload contains no
// content, but a 200 OK indicates success".
export const ORDER_UPDATE_RESPONSE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<OrderResponse/>`;

// Source: Bandwidth/api-docs `site/specs/numbers.yml`, operation ReadDisconnectOrders (GET
// /accounts/{accountId}/disconnects), the 404 example: "No disconnect orders are present on the indicated account".
// (ListOrders documents its 404 with no body.)
export const DISCONNECTS_LIST_EMPTY_RESPONSE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Links>
    <first>   Link description  </first>
</Links>`;

// Source: Bandwidth/api-docs `site/specs/numbers.yml`, operation RetrieveSipPeerOriginationSettings (GET
// .../sippeers/{sipPeerId}/products/ origination/settings), the 200 example "HTTP Voice protocol".
export const ORIGINATION_GET_HTTP_RESPONSE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<SipPeerOriginationSettingsResponse>
   <SipPeerOriginationSettings>
      <VoiceProtocol>HTTP</VoiceProtocol>
      <HttpSettings>
         <HttpVoiceV2AppId>469ebbac-4459-4d98-bc19-a038960e787f</HttpVoiceV2AppId>
      </HttpSettings>
   </SipPeerOriginationSettings>
</SipPeerOriginationSettingsResponse>`;

// Source: Bandwidth/api-docs `site/specs/numbers.yml`, operation RetrieveSipPeerOriginationSettings, the 200 example
// "SIP Voice protocol".
export const ORIGINATION_GET_SIP_RESPONSE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<SipPeerOriginationSettingsResponse>
   <SipPeerOriginationSettings>
      <VoiceProtocol>SIP</VoiceProtocol>
   </SipPeerOriginationSettings>
</SipPeerOriginationSettingsResponse>`;

// Source: Bandwidth/api-docs `site/specs/numbers.yml`, operation UpdateSipPeerOriginationSettings (PUT
// .../products/origination/settings), the request example "HTTP Voice protocol"; its only documented answer is a 200
// with no body ("Settings were successfully updated").
export const ORIGINATION_PUT_HTTP_REQUEST = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<SipPeerOriginationSettings>
   <VoiceProtocol>HTTP</VoiceProtocol>
   <HttpSettings>
      <HttpVoiceV2AppId>867b923b-8a92-4579-b29b-405f165b8124</HttpVoiceV2AppId>
   </HttpSettings>
</SipPeerOriginationSettings>`;

// Source: Bandwidth/api-docs `site/specs/numbers.yml`, operation UpdateSipPeerOriginationSettings, the request example
// "SIP Voice protocol".
export const ORIGINATION_PUT_SIP_REQUEST = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<SipPeerOriginationSettings>
   <VoiceProtocol>SIP</VoiceProtocol>
</SipPeerOriginationSettings>`;

// Source: Bandwidth/api-docs `site/specs/numbers.yml`, operation RetrieveSipPeerSmsSettings (GET
// .../sippeers/{sipPeerId}/products/messaging/features/ sms), the 200 example (its only documented answer).
export const SMS_FEATURE_GET_RESPONSE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<SipPeerSmsFeatureResponse>
   <SipPeerSmsFeature>
      <SipPeerSmsFeatureSettings>
         <TollFree>true</TollFree>
         <ShortCode>true</ShortCode>
         <A2pLongCode>DefaultOff</A2pLongCode>
         <A2pMessageClass>SomeMessageClass</A2pMessageClass>
         <A2pCampaignId>SomeCampaignId</A2pCampaignId>
         <Protocol>SMPP</Protocol>
         <Zone1>true</Zone1>
         <Zone2>true</Zone2>
         <Zone3>true</Zone3>
         <Zone4>true</Zone4>
         <Zone5>true</Zone5>
      </SipPeerSmsFeatureSettings>
      <SmppHosts>
         <SmppHost>
            <HostName>54.10.88.146</HostName>
            <HostId>18</HostId>
            <Priority>0</Priority>
            <ConnectionType>RECEIVER_ONLY</ConnectionType>
         </SmppHost>
      </SmppHosts>
   </SipPeerSmsFeature>
</SipPeerSmsFeatureResponse>`;
// Source: Bandwidth's Numbers API reference (api-docs `site/specs/numbers.yml`), POST /accounts/{accountId}/moveTns
// (operationId CreateMoveTnsOrder), the request body example.
export const MOVE_CREATE_REQUEST = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<MoveTnsOrder>
   <CustomerOrderId>ICPA123ABC</CustomerOrderId>
   <SourceAccountId>12346159</SourceAccountId>
   <E911ServiceAction>move</E911ServiceAction>
   <SiteId>743</SiteId>
   <SipPeerId>303716</SipPeerId>
   <TelephoneNumbers>
      <TelephoneNumber>9199918388</TelephoneNumber>
      <TelephoneNumber>4158714245</TelephoneNumber>
      <TelephoneNumber>4352154439</TelephoneNumber>
      <TelephoneNumber>4352154466</TelephoneNumber>
   </TelephoneNumbers>
</MoveTnsOrder>`;

// Source: the same operation, its 201 example.
export const MOVE_CREATE_RESPONSE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<MoveTnsOrderResponse>
   <MoveTnsOrder>
      <OrderCreateDate>2020-09-15T16:36:22.076Z</OrderCreateDate>
      <AccountId>9999999</AccountId>
      <SourceAccountId>6555555</SourceAccountId>
      <CreatedByUser>systemUser</CreatedByUser>
      <OrderId>093a9f9b-1a78-4e47-b6e2-776a484596f4</OrderId>
      <LastModifiedDate>2020-09-15T16:36:22.096Z</LastModifiedDate>
      <SiteId>483</SiteId>
      <TelephoneNumbers>
         <TelephoneNumber>2032081004</TelephoneNumber>
         <TelephoneNumber>2032081005</TelephoneNumber>
      </TelephoneNumbers>
      <ProcessingStatus>RECEIVED</ProcessingStatus>
      <SipPeerId>500025</SipPeerId>
   </MoveTnsOrder>
</MoveTnsOrderResponse>`;

// Source: the same operation, its 400 example (an invalid site and SIP peer).
export const MOVE_CREATE_REFUSED_RESPONSE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<MoveTnsOrderResponse>
   <ProcessingStatus>FAILED</ProcessingStatus>
   <Errors>
      <Code>7309</Code>
      <Description>The site id was not supplied or is invalid.</Description>
   </Errors>
   <Errors>
      <Code>7312</Code>
      <Description>The sippeer id is invalid.</Description>
   </Errors>
</MoveTnsOrderResponse>`;

// Source: Bandwidth's Numbers API reference, GET /accounts/{accountId}/moveTns/{orderId} (operationId ReadMoveTnsOrder),
// its 200 example: a PARTIAL move with error 7518 for a number that is not active.
export const MOVE_GET_PARTIAL_RESPONSE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<MoveTnsOrder>
   <OrderCreateDate>2020-08-10T02:58:04.615Z</OrderCreateDate>
   <AccountId>9900012</AccountId>
   <SourceAccountId>9900013</SourceAccountId>
   <CreatedByUser>jdb</CreatedByUser>
   <OrderId>bf1305b8-8998-1111-2222-51ba3ce52d4e</OrderId>
   <CustomerOrderId>123-456-789-abc</CustomerOrderId>
   <LastModifiedDate>2018-01-09T02:58:05.298Z</LastModifiedDate>
   <SiteId>65487</SiteId>
   <SipPeerId>885544</SipPeerId>
   <TelephoneNumbers>
      <TelephoneNumber>2106078250</TelephoneNumber>
      <TelephoneNumber>2109678273</TelephoneNumber>
      <TelephoneNumber>2109678331</TelephoneNumber>
      <TelephoneNumber>2109678337</TelephoneNumber>
      <TelephoneNumber>2266401468</TelephoneNumber>
   </TelephoneNumbers>
   <ProcessingStatus>PARTIAL</ProcessingStatus>
   <Errors>
      <Error>
         <Code>7518</Code>
         <Description>Telephone Number Not Active.</Description>
         <TelephoneNumbers>
            <TelephoneNumber>2262665583</TelephoneNumber>
         </TelephoneNumbers>
      </Error>
   </Errors>
</MoveTnsOrder>`;

// Source: Bandwidth's Numbers API reference, GET /accounts/{accountId}/moveTns (operationId ReadMoveTnsOrders), its
// 200 example.
export const MOVE_LIST_RESPONSE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<MoveTnsOrders>
   <TotalCount>2</TotalCount>
   <MoveTnsOrderSummary>
      <accountId>1234567</accountId>
      <SourceAccountId>15</SourceAccountId>
      <CountOfTNs>1</CountOfTNs>
      <CustomerOrderId>CustomerOrderId</CustomerOrderId>
      <userId>systemUser</userId>
      <lastModifiedDate>2022-01-24T11:08:09.770Z</lastModifiedDate>
      <OrderDate>2022-01-24T11:08:09.770Z</OrderDate>
      <OrderType>move_tn_orders</OrderType>
      <OrderStatus>COMPLETE</OrderStatus>
      <OrderId>211a103c-5f9c-4117-8833-c574bdc390fd</OrderId>
   </MoveTnsOrderSummary>
   <MoveTnsOrderSummary>
      <accountId>14</accountId>
      <SourceAccountId>15</SourceAccountId>
      <CountOfTNs>2</CountOfTNs>
      <CustomerOrderId>CustomerOrderId</CustomerOrderId>
      <userId>systemUser</userId>
      <lastModifiedDate>2022-01-24T10:43:16.934Z</lastModifiedDate>
      <OrderDate>2022-01-24T10:43:16.934Z</OrderDate>
      <OrderType>move_tn_orders</OrderType>
      <OrderStatus>PARTIAL</OrderStatus>
      <OrderId>8dc32f09-2329-4c73-b702-526f46b02712</OrderId>
   </MoveTnsOrderSummary>
</MoveTnsOrders>`;
